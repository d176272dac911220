import fs from "node:fs";
import zlib from "node:zlib";
import { expect, test, type Browser, type Download, type Page } from "@playwright/test";
import { crc32 } from "../lib/qr/crc32";
import { createPromoter, ensureAdmin } from "./helpers";

// Sending private links in bulk and branded posters, through the real UI: upload a poster
// background, place the code and text, see it on the print poster and the A4 sheet, export links
// as CSV and Excel (create, then replace), open one, and download the poster PNG on the private page.

const WIDTH = 600;
const HEIGHT = 900;
const NAMES = ["海报甲", "海报乙", "海报丙"];
// An account of its own: the counts and the sheet below are this account's promoters only, whatever
// the specs before this one left in the others.
const ACCOUNT = { name: "海报服务号", appId: "wx0000p0ster000021" };

async function createOwnAccount(page: Page) {
  await page.goto("/settings?new=1");
  await page.getByLabel("名称").fill(ACCOUNT.name);
  await page.getByLabel("AppID（开发者ID）").fill(ACCOUNT.appId);
  await page.getByLabel("AppSecret（开发者密码）").fill("0d5e0d5e0d5e0d5e0d5e0d5e0d5e0d5e");
  await page.getByLabel("Token（令牌）").fill("postertoken21");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("callback-url")).toBeVisible();
}

/** A new browser context starts on the user's first account: switch to this spec's. */
async function switchToOwnAccount(page: Page) {
  const switcher = page.locator("select").filter({ has: page.locator("option", { hasText: ACCOUNT.name }) }).first();
  await switcher.selectOption({ label: ACCOUNT.name });
  await expect(switcher.locator("option:checked")).toHaveText(ACCOUNT.name);
}

/** A 600 × 900 RGB PNG (a vertical gradient), written here so the test needs no image file. */
function backgroundPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(WIDTH, 0);
  ihdr.writeUInt32BE(HEIGHT, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const raw = Buffer.alloc(HEIGHT * (1 + WIDTH * 3));
  for (let y = 0; y < HEIGHT; y++) {
    const row = y * (1 + WIDTH * 3);
    for (let x = 0; x < WIDTH; x++) raw.set([200, 40 + Math.floor((y / HEIGHT) * 200), 60], row + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

const bytesOf = async (download: Download) => fs.readFileSync((await download.path())!);
const pngSize = (bytes: Buffer) => ({ signature: bytes.subarray(0, 8).toString("hex"), width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });
const csvRows = (bytes: Buffer) => bytes.toString("utf8").replace(/^\uFEFF/, "").trim().split("\r\n").map((line) => line.split(","));

async function exportLinks(page: Page, options: { mode: "all" | "missing"; format: "csv" | "xlsx" }) {
  await page.getByTestId(`links-mode-${options.mode}`).check();
  await page.getByTestId(`links-format-${options.format}`).check();
  await page.getByTestId("links-submit").click();
  const question = (await page.getByTestId("links-question").innerText()).trim();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("links-confirm").click()]);
  await expect(page.getByTestId("links-saved")).toBeVisible();
  return { question, download };
}

async function openPrivatePage(browser: Browser, url: string, locale: "zh-CN" | "en") {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
  await context.addCookies([{ name: "locale", value: locale, url }]);
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

async function downloadPoster(page: Page) {
  await expect(page.getByTestId("sp-poster-card")).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("sp-poster-download").click()]);
  return { name: download.suggestedFilename(), size: pngSize(await bytesOf(download)) };
}

test("a poster template shows on the print poster and the A4 sheet; links go out as CSV and Excel; the private page downloads the poster", async ({ page, browser }) => {
  await ensureAdmin(page);
  await createOwnAccount(page);
  for (const name of NAMES) await createPromoter(page, name);

  // The template: a background, the code's place and size, a line of text with the name in it.
  await page.getByRole("link", { name: "海报模板" }).first().click();
  await expect(page.getByRole("heading", { name: "海报模板" })).toBeVisible();
  await page.locator("#field-codeX").fill("70"); // 70 % + 50 % is beyond the background: refused
  await page.getByLabel("背景图").setInputFiles({ name: "背景.png", mimeType: "image/png", buffer: backgroundPng() });
  await expect(page.getByTestId("poster-preview")).toHaveAttribute("data-width", String(WIDTH));
  await page.getByTestId("poster-save").click();
  await expect(page.getByText("二维码超出了背景图的范围。")).toBeVisible();
  await page.locator("#field-codeX").fill("20");
  await page.locator("#field-codeY").fill("40");
  await page.locator("#field-codeSize").fill("60");
  await page.locator("#field-text").fill("{name} 邀请你关注");
  await page.getByTestId("poster-save").click();
  await expect(page.getByTestId("poster-saved")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("poster-preview")).toHaveAttribute("data-height", String(HEIGHT));
  await expect(page.getByTestId("poster-preview-line")).toHaveText("王小明 邀请你关注");

  // The single poster and the A4 sheet draw it over the uploaded background.
  await page.goto("/promoters");
  const href = await page.getByRole("link", { name: NAMES[0], exact: true }).getAttribute("href");
  await page.goto(`/print${href}`);
  await expect(page.getByTestId("poster-name")).toHaveText(NAMES[0]);
  await expect(page.getByTestId("poster-line")).toHaveText(`${NAMES[0]} 邀请你关注`);
  const background = page.getByTestId("poster-background");
  await expect.poll(() => background.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(WIDTH);
  await expect(page.getByTestId("poster-code").locator("svg")).toBeVisible();
  await page.goto("/print/sheet");
  await expect(page.getByTestId("sheet-poster")).toHaveCount(NAMES.length);
  await expect(page.getByTestId("sheet-summary")).toHaveText("共 3 张海报，每页 4 张（A4），使用海报模板。");
  for (const name of NAMES) await expect(page.getByTestId("sheet-poster-name").filter({ hasText: name })).toBeVisible();

  // The ticked promoters go to the export page as its selection.
  await page.goto("/promoters");
  await page.getByRole("checkbox", { name: new RegExp(NAMES[1]) }).check();
  await page.getByTestId("links-selected").click();
  await expect(page.getByTestId("links-scope-selected")).toBeChecked();
  await expect(page.getByTestId("links-counts")).toHaveText("范围内 1 位在职推广者：0 位已有链接，1 位没有链接。");
  await page.getByTestId("links-scope-all").check();
  await expect(page.getByTestId("links-counts")).toHaveText("范围内 3 位在职推广者：0 位已有链接，3 位没有链接。");

  // First export: every promoter gets a link, as CSV.
  const first = await exportLinks(page, { mode: "all", format: "csv" });
  expect(first.question).toContain("将生成 3 个新链接，并更换 0 个已有链接");
  expect(first.download.suggestedFilename()).toMatch(/^专属链接-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = csvRows(await bytesOf(first.download));
  expect(rows[0]).toEqual(["姓名", "手机号", "团队", "专属链接", "链接状态", "变化"]);
  expect(rows.slice(1).map((r) => r[0])).toEqual(NAMES);
  const link = rows[1][3];
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/p\/[\w-]{43}$/);

  // The link opens 海报甲's page, whose poster downloads as a PNG of the background's size.
  const promoter = await openPrivatePage(browser, link, "zh-CN");
  await expect(promoter.page.getByTestId("sp-promoter-name")).toHaveText(NAMES[0]);
  await expect(promoter.page.getByTestId("sp-poster-line")).toHaveText(`${NAMES[0]} 邀请你关注`);
  expect(await downloadPoster(promoter.page)).toEqual({ name: `${NAMES[0]}-海报.png`, size: { signature: "89504e470d0a1a0a", width: WIDTH, height: HEIGHT } });

  // Create-only has nothing left to do; replacing all kills the links just sent.
  await page.getByTestId("links-mode-missing").check();
  await expect(page.getByTestId("links-nothing")).toBeVisible();
  await expect(page.getByTestId("links-submit")).toBeDisabled();
  const second = await exportLinks(page, { mode: "all", format: "xlsx" });
  expect(second.question).toContain("将生成 0 个新链接，并更换 3 个已有链接");
  expect(second.download.suggestedFilename()).toMatch(/\.xlsx$/);
  expect((await bytesOf(second.download)).subarray(0, 2).toString()).toBe("PK");
  expect((await promoter.page.goto(link))?.status()).toBe(404);
  await promoter.context.close();

  await page.goto("/audit");
  await expect(page.locator('[data-testid=audit-row][data-action="selfservice.bulk"]')).toHaveCount(2);
  await expect(page.locator('[data-testid=audit-row][data-action="poster.save"]')).toHaveCount(1);
});

test("the same in English: the export page, its plurals and the private page's poster", async ({ page, browser }) => {
  await ensureAdmin(page);
  await switchToOwnAccount(page);
  await page.getByRole("button", { name: "English" }).first().click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  try {
    await page.goto("/posters");
    await expect(page.getByRole("heading", { name: "Poster templates" })).toBeVisible();
    await expect(page.getByTestId("poster-preview-line")).toHaveText("Alex Wang 邀请你关注");
    await page.goto("/promoters");
    await page.getByTestId("link-export-links").click();
    await expect(page.getByRole("heading", { name: "Export private links in bulk" })).toBeVisible();
    await expect(page.getByTestId("links-counts")).toHaveText("3 active promoters in scope: 3 with a link, 0 without.");
    const { question, download } = await exportLinks(page, { mode: "all", format: "csv" });
    expect(question).toBe("This creates 0 new links and replaces 3 existing links: the old links stop working at once and those promoters need the new ones. Continue?");
    await expect(page.getByTestId("links-saved")).toContainText("Downloaded 3 links (0 new, 3 replaced)");
    const rows = csvRows(await bytesOf(download));
    expect(rows[0]).toEqual(["Name", "Phone", "Team", "Private link", "Link status", "Change"]);
    expect(rows[2][5]).toBe("Replaced (old link stopped)");

    const promoter = await openPrivatePage(browser, rows[2][3], "en");
    await expect(promoter.page.getByTestId("sp-promoter-name")).toHaveText(NAMES[1]);
    await expect(promoter.page.getByTestId("sp-poster-download")).toHaveText("Download poster");
    expect(await downloadPoster(promoter.page)).toEqual({ name: `${NAMES[1]}-poster.png`, size: { signature: "89504e470d0a1a0a", width: WIDTH, height: HEIGHT } });
    await promoter.context.close();
  } finally {
    await page.getByRole("button", { name: "中文" }).first().click();
  }
});
