import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { isPng, readZip } from "../test/read-zip";
import { controlSimulator } from "../lib/wechat/simulator/control-simulator";
import { ensureAccount, ensureAdmin, SIMULATOR_URL } from "./helpers";

// Batch work through the real UI: import → generate codes (through a quota stop) → print → export.
test.describe.configure({ mode: "serial" });

const CSV = "\uFEFF姓名,手机号,备注,团队\n陈一,13800000001,门店A,导入一队\n陈二,13800000002,,\n,13800000003,没有姓名,\n陈三,+86 138 0000 0004,门店B,导入一队\n";

test("import promoters from CSV with a row-by-row report", async ({ page }) => {
  await ensureAdmin(page);
  await ensureAccount(page);
  await page.goto("/promoters");
  await page.getByTestId("link-import").click();
  await page.locator("#import-file").setInputFiles({ name: "推广者.csv", mimeType: "text/csv", buffer: Buffer.from(CSV, "utf8") });
  await page.getByTestId("import-check").click();
  const summary = page.getByTestId("import-preview-summary");
  await expect(summary).toHaveAttribute("data-accepted", "3");
  await expect(summary).toHaveAttribute("data-rejected", "1");
  await expect(page.getByTestId("import-rejected")).toContainText("4"); // the row without a name (line 4 of the file)
  await expect(page.getByTestId("import-new-teams")).toHaveText("将新建 1 个团队：导入一队");
  await expect(page.getByTestId("import-accepted").getByRole("row", { name: /陈三/ })).toContainText("导入一队");
  await page.getByTestId("import-confirm").click();
  await expect(page.getByTestId("import-report-summary")).toHaveAttribute("data-created", "3");
  // The team the file named exists now, with the two promoters in it.
  await page.goto("/teams");
  await expect(page.getByTestId("team-row").filter({ hasText: "导入一队" })).toContainText("2");
});

test("generate the pending codes with progress, through a daily-quota stop and a resume", async ({ page }) => {
  await ensureAdmin(page);
  await controlSimulator(SIMULATOR_URL, { action: "failNext", errcode: 45009, count: 1, path: "/cgi-bin/qrcode/create" });
  await page.goto("/promoters/batch");
  await page.getByTestId("batch-start").click();
  await expect(page.getByTestId("batch-stopped")).toHaveAttribute("data-errcode", "45009");
  await page.getByTestId("batch-resume").click();
  await expect(page.getByTestId("batch-generator")).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  const bar = page.getByRole("progressbar");
  await expect(bar).toHaveAttribute("aria-valuenow", (await bar.getAttribute("aria-valuemax")) ?? "");
  await page.goto("/promoters?q=陈");
  await expect(page.getByRole("row", { name: /陈三/ })).toContainText("已生成");
});

test("print an A4 sheet of QR cards", async ({ page }) => {
  await ensureAdmin(page);
  await page.goto("/print/sheet");
  await expect(page.getByTestId("sheet-card").filter({ hasText: "陈一" })).toBeVisible();
  expect(await page.getByTestId("sheet-card").count()).toBeGreaterThanOrEqual(3);
  const logo = page.getByTestId("sheet-card-logo").first();
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  await page.goto("/promoters?q=陈");
  await page.getByLabel("选择 陈一").check();
  await page.getByLabel("选择 陈三").check();
  const [sheet] = await Promise.all([page.waitForEvent("popup"), page.getByTestId("print-selected").click()]);
  await expect(sheet.getByTestId("sheet-card")).toHaveCount(2);
  await expect(sheet.getByTestId("sheet-card").filter({ hasText: "陈二" })).toHaveCount(0);
});

test("download every code as a ZIP of PNGs, with the packing progress", async ({ page }) => {
  await ensureAdmin(page);
  await page.goto("/promoters");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("qr-zip-download").click()]);
  expect(download.suggestedFilename()).toMatch(/-二维码-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = readZip(fs.readFileSync(await download.path()));
  const names = files.map((f) => f.name);
  for (const name of ["陈一", "陈二", "陈三"]) expect(names.some((n) => n.startsWith(`${name}-`) && n.endsWith(".png"))).toBe(true);
  expect(files.every((f) => isPng(f.data))).toBe(true);
  await expect(page.getByTestId("qr-zip-saved")).toContainText(`已下载 ${files.length} 个二维码`);
});

test("export the leaderboard and the ledger as CSV and Excel", async ({ page }) => {
  await ensureAdmin(page);
  await page.goto("/leaderboard");
  for (const [id, type] of [
    ["export-leaderboard-csv", "text/csv"],
    ["export-leaderboard-xlsx", "spreadsheetml"],
    ["export-ledger-csv", "text/csv"],
    ["export-ledger-xlsx", "spreadsheetml"],
  ]) {
    const href = await page.getByTestId(id).getAttribute("href");
    const response = await page.request.get(href!);
    expect(response.status(), id).toBe(200);
    expect(response.headers()["content-type"], id).toContain(type);
  }
  const csv = await (await page.request.get((await page.getByTestId("export-leaderboard-csv").getAttribute("href"))!)).text();
  expect(csv).toContain("陈一");
});

test("the leaderboard filters by preset and search, and sorts by any column", async ({ page }) => {
  await ensureAdmin(page);
  await page.goto("/leaderboard");
  await page.getByRole("link", { name: "近 7 天" }).click();
  await expect(page.getByRole("link", { name: "近 7 天" })).toHaveAttribute("aria-current", "true");
  await page.getByLabel("搜索推广者").fill("陈");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("leaderboard").getByRole("row")).toHaveCount(4); // header + 陈一/二/三
  await page.getByRole("link", { name: /净增/ }).click();
  await expect(page.locator('th[aria-sort="descending"]')).toContainText("净增");
});
