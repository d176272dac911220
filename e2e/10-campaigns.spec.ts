import { expect, test } from "@playwright/test";
import { controlSimulator } from "../lib/wechat/simulator/control-simulator";
import { pushEvent } from "../lib/wechat/simulator/push-event";
import { createPromoter, ensureAccount, ensureAdmin, SIMULATOR_URL } from "./helpers";

// Campaigns through the real UI: create one, enrol a permanent code, make temporary codes (one refused
// by WeChat, then retried), an overlap refused, follows inside and before a window, progress, board, CSV, ZIP, A4, English.
const TOKENS: Record<string, string> = { wx0e2e0e2e0e2e0e2e: "e2etoken", wx5c3b9d2e1f0a4b6c: "e2etoken2026" }; // helpers.ts and 02-core-loop
const beijingDay = (offsetDays = 0) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + offsetDays * 86_400_000));

test("a campaign with enrolled and temporary codes counts its window and shows follows outside it apart", async ({ page, baseURL }) => {
  await ensureAdmin(page);
  await ensureAccount(page);
  const callbackUrl = (await page.getByTestId("callback-url").textContent())!.trim();
  const token = TOKENS[callbackUrl.split("/").pop()!];
  for (const name of ["活动甲", "活动乙"]) await createPromoter(page, name);

  await page.getByRole("link", { name: "活动" }).first().click();
  await page.getByRole("button", { name: "新建活动" }).click(); // no name, no end: refused, nothing created
  await expect(page.getByText("请填写活动名称")).toBeVisible();
  await expect(page.getByTestId("campaigns-empty")).toBeVisible();
  await page.getByLabel("活动名称").fill("双十二冲刺");
  await page.getByLabel("结束日期").fill(beijingDay(6));
  await page.getByLabel("目标新增关注（可选）").fill("3");
  await page.getByRole("button", { name: "新建活动" }).click();
  await expect(page.getByRole("heading", { name: "双十二冲刺" })).toBeVisible();
  await expect(page.getByTestId("campaign-status")).toHaveText("进行中");
  await expect(page.getByTestId("campaign-window")).toContainText("Asia/Shanghai");
  const campaignUrl = page.url();

  // A permanent code, then temporary codes: WeChat refuses the first with 48001, shown with its errcode and a hint.
  await page.getByTestId("enrol-promoters").selectOption([{ label: "活动甲" }]);
  await page.getByTestId("enrol-permanent").click();
  await expect(page.getByTestId("enrol-result")).toHaveText("已登记 1 个二维码");
  await controlSimulator(SIMULATOR_URL, { action: "failNext", errcode: 48001, count: 1, path: "/cgi-bin/qrcode/create" });
  await page.getByTestId("enrol-promoters").selectOption([{ label: "活动乙" }]);
  await page.getByTestId("enrol-temporary").click();
  await expect(page.getByTestId("temporary-failures")).toContainText("活动乙：错误码 48001");
  await page.getByTestId("temporary-all").click(); // 活动甲 gets one, 活动乙's failed code is retried
  await expect(page.getByTestId("temporary-result")).toContainText("已生成 2 个临时码");
  await expect(page.getByTestId("temporary-failures")).toHaveCount(0);
  await expect(page.getByTestId("campaign-code")).toHaveCount(3);

  // A second campaign from tomorrow: 活动甲's code is refused (its days overlap the first), 活动乙's permanent code is enrolled.
  await page.goto("/campaigns");
  await page.getByLabel("活动名称").fill("对照活动");
  await page.getByLabel("开始日期").fill(beijingDay(1));
  await page.getByLabel("结束日期").fill(beijingDay(3));
  await page.getByRole("button", { name: "新建活动" }).click();
  await expect(page.getByRole("heading", { name: "对照活动" })).toBeVisible();
  await expect(page.getByTestId("campaign-status")).toHaveText("未开始");
  const laterUrl = page.url();
  await page.getByTestId("enrol-promoters").selectOption([{ label: "活动甲" }]);
  await page.getByTestId("enrol-permanent").click();
  await expect(page.getByTestId("enrol-error")).toContainText("已登记在活动「双十二冲刺」");
  await expect(page.getByTestId("campaign-code")).toHaveCount(0);
  await page.getByTestId("enrol-promoters").selectOption([{ label: "活动乙" }]);
  await page.getByTestId("enrol-permanent").click();
  await expect(page.getByTestId("campaign-code")).toHaveCount(1);
  const permanentB = (await page.getByTestId("campaign-code").getAttribute("data-scene"))!;

  // Follows now: through the first campaign's permanent and temporary codes (inside its window), a scan,
  // and one through 活动乙's permanent code — not the first campaign's, and before the second one's window.
  await page.goto(campaignUrl);
  const scenes = await page.getByTestId("campaign-code").evaluateAll((items) => items.map((li) => [li.textContent ?? "", li.getAttribute("data-scene") ?? ""]));
  const permanentA = scenes.find(([text]) => text.includes("活动甲") && text.includes("永久码"))![1];
  const temporaryB = scenes.find(([text]) => text.includes("活动乙"))![1];
  const now = Math.floor(Date.now() / 1000);
  const pushes = [["subscribe", "oCampIn1", permanentA, now - 5], ["subscribe", "oCampIn2", temporaryB, now - 4], ["SCAN", "oCampIn1", permanentA, now - 3], ["subscribe", "oCampEarly", permanentB, now - 2]] as const;
  for (const [event, openid, scene, createTime] of pushes) {
    expect(await pushEvent({ callbackUrl, token, event, openid, scene, createTime })).toEqual({ status: 200, body: "success" });
  }
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("campaign-totals").locator('[data-metric="scans"] dd')).toHaveText("1", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("campaign-totals").locator('[data-metric="newFollowers"] dd')).toHaveText("2");
  await expect(page.getByTestId("campaign-progress")).toHaveAttribute("aria-valuetext", "2 / 3 新增关注（66%）");
  await expect(page.getByTestId("outside-before")).toHaveText("活动开始前：0 次关注，0 次扫码");
  const rowA = page.getByTestId("campaign-row").filter({ hasText: "活动甲" });
  await expect(rowA.locator('[data-metric="newFollowers"]')).toHaveText("1");
  await expect(rowA.locator('[data-metric="scans"]')).toHaveText("1");
  await expect(page.getByTestId("campaign-row")).toHaveCount(2);
  await expect(page.locator(".recharts-wrapper").first()).toBeVisible();

  const csv = await page.request.get(`${baseURL}${await page.getByTestId("campaign-csv").getAttribute("href")}`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toMatch(/活动甲,启用,1,0,1,0,1,0,/);
  await page.getByTestId("qr-zip-download").click();
  await expect(page.getByTestId("qr-zip-saved")).toHaveText("已下载 3 个二维码");
  await page.goto(`${baseURL}${await page.getByTestId("campaign-sheet").getAttribute("href")}`);
  await expect(page.getByTestId("sheet-summary")).toContainText("3");

  // The second campaign counts nothing yet and shows the early follow apart, per promoter too.
  await page.goto(laterUrl);
  await expect(page.getByTestId("outside-before")).toHaveText("活动开始前：1 次关注，0 次扫码");
  await expect(page.getByTestId("campaign-totals").locator('[data-metric="newFollowers"] dd')).toHaveText("0");
  await expect(page.getByTestId("campaign-row").filter({ hasText: "活动乙" }).locator('[data-metric="outside"]')).toHaveText("1");

  // The same page in English, with plurals.
  await page.getByRole("button", { name: "English" }).first().click();
  await expect(page.getByRole("heading", { name: "Outside the campaign" })).toBeVisible();
  await expect(page.getByTestId("outside-before")).toHaveText("Before it started: 1 follow, 0 scans");
  await expect(page.getByTestId("campaign-status")).toHaveText("Scheduled");
  await page.goto(campaignUrl);
  await expect(page.getByTestId("campaign-progress")).toHaveAttribute("aria-valuetext", "New followers: 2 of 3 (66%)");
  await expect(page.getByTestId("campaign-status")).toHaveText("Running");
  await page.getByRole("button", { name: "中文" }).first().click();
  await expect(page.getByRole("heading", { name: "活动期外" })).toBeVisible();
});
