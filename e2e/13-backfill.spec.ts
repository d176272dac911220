import { expect, test } from "@playwright/test";
import { controlSimulator, seedSimulatorFollowers } from "../lib/wechat/simulator/control-simulator";
import { pushEvent } from "../lib/wechat/simulator/push-event";
import { createPromoter, ensureAdmin, SIMULATOR_URL } from "./helpers";

// 导入已有粉丝 through the real UI: 50,000 simulated followers, a quota stop (45009) half-way, a resume,
// the reconciliation report, and the imported figures apart from live ones on the leaderboard.
const APP_ID = "wx0bf0bf0bf0bf0bf0";
const TOKEN = "e2ebackfilltoken";
const BATCHGET = "/cgi-bin/user/info/batchget";
const day = (d: Date) => d.toISOString().slice(0, 10);

/** An account of its own (made the active one), whatever specs ran before on this server. */
async function useOwnAccount(page: import("@playwright/test").Page) {
  await page.goto("/settings");
  const callbackUrl = page.getByTestId("callback-url");
  const hasAccount = (await callbackUrl.count()) > 0; // count() does not wait: the form shows when there is none
  if (hasAccount && (await callbackUrl.textContent())?.endsWith(APP_ID)) return;
  if (hasAccount) await page.goto("/settings?new=1");
  await page.getByLabel("名称").fill("导入测试号");
  await page.getByLabel("AppID（开发者ID）").fill(APP_ID);
  await page.getByLabel("AppSecret（开发者密码）").fill("bf0bf0bf0bf0bf0bf0bf0bf0bf0bf0bf");
  await page.getByLabel("Token（令牌）").fill(TOKEN);
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("callback-url")).toHaveText(new RegExp(`${APP_ID}$`));
}

async function sceneOf(page: import("@playwright/test").Page) {
  const text = await page.getByText(/场景值 \S+（永久二维码）/).first().textContent();
  return /场景值 (\S+)（/.exec(text ?? "")![1];
}

test("import 50,000 followers: progress, a 45009 pause with its hint, resume, report, imported figures", async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  await ensureAdmin(page);
  await useOwnAccount(page);
  await createPromoter(page, "导入甲");
  const promoterA = page.url().split("/").pop()!;
  const sceneA = await sceneOf(page);
  await createPromoter(page, "导入乙");
  const sceneB = await sceneOf(page);

  // One follower we saw follow live, whom WeChat no longer lists: the reconciliation's missed unfollow.
  const live = await pushEvent({ callbackUrl: `${baseURL}/api/wechat/${APP_ID}`, token: TOKEN, event: "subscribe", openid: "oE2eGoneLive", scene: sceneA, createTime: Math.floor(Date.now() / 1000) - 120 });
  expect(live).toEqual({ status: 200, body: "success" });

  await controlSimulator(SIMULATOR_URL, { action: "reset" });
  const seeded = await seedSimulatorFollowers(SIMULATOR_URL, {
    appId: APP_ID, count: 50_000, scenes: [sceneA, sceneB], qrPercent: 40, unknownPercent: 5, prefix: "oE2eBf", from: Math.floor(Date.now() / 1000) - 50_000 * 60 - 7200,
  });
  expect(seeded).toEqual({ qr: 20_000, unknown: 2_500, organic: 27_500 });
  // Slow enough to watch, and out of quota after 250 lookups (25,000 followers).
  await controlSimulator(SIMULATOR_URL, { action: "setLatency", ms: 40, path: BATCHGET });
  await controlSimulator(SIMULATOR_URL, { action: "failNext", errcode: 45009, count: 10_000, path: BATCHGET, after: 250 });

  await page.getByRole("link", { name: "导入粉丝" }).first().click();
  await expect(page.getByTestId("backfill-never")).toBeVisible();
  await page.getByRole("button", { name: "开始导入" }).click();
  await expect(page.getByTestId("backfill-status")).toHaveText("导入中");
  await expect(page.getByTestId("backfill-progress")).toHaveText(/^已读取 [1-9][\d,]* \/ 50,000 位粉丝（([1-9]|[1-4]\d)%）$/);
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", /^([1-9]|[1-4]\d)$/);

  await expect(page.getByTestId("backfill-status")).toHaveText("已暂停", { timeout: 120_000 });
  await expect(page.getByTestId("backfill-error")).toContainText("微信错误码 45009");
  await expect(page.getByTestId("backfill-error")).toContainText("请明天再试");
  await expect(page.getByTestId("backfill-paused")).toContainText("北京时间零点重置");
  await expect(page.getByTestId("backfill-progress")).toHaveText("已读取 25,000 / 50,000 位粉丝（50%）");

  // The quota is back (as after midnight): resume from where it stopped.
  await controlSimulator(SIMULATOR_URL, { action: "reset" });
  await page.getByRole("button", { name: "继续导入" }).click();
  await expect(page.getByTestId("backfill-status")).toHaveText("已完成", { timeout: 120_000 });
  await expect(page.getByTestId("backfill-progress")).toHaveText("已读取 50,000 / 50,000 位粉丝（100%）");
  await expect(page.getByTestId("backfill-imported")).toHaveText("50,000");
  await expect(page.getByTestId("backfill-credited")).toHaveText("20,000");
  await expect(page.getByTestId("backfill-corrected")).toHaveText("1");
  await expect(page.getByTestId("report-missed")).toContainText("：1 位");
  await page.getByTestId("report-missed-sample").locator("summary").click();
  await expect(page.getByTestId("report-missed-sample")).toContainText("oE2eGoneLive");
  await expect(page.getByTestId("report-reverse")).toContainText("：0 位");
  await expect(page.getByRole("button", { name: "开始导入" })).toBeVisible(); // done: a new import may start

  // Imported credits stand apart from live figures: 10,000 each, while new followers keep the one live follow.
  const from = day(new Date(Date.now() - 60 * 86_400_000));
  await page.goto(`/leaderboard?from=${from}&to=${day(new Date(Date.now() + 86_400_000))}`);
  const rowA = page.getByTestId(`row-${promoterA}`);
  await expect(rowA.locator('[data-metric="backfilled"]')).toHaveText("10000");
  await expect(rowA.locator('[data-metric="newFollowers"]')).toHaveText("1");
  await expect(rowA.locator('[data-metric="unfollows"]')).toHaveText("1"); // the reconciled missed unfollow
  await expect(page.getByRole("row", { name: /导入乙/ }).locator('[data-metric="backfilled"]')).toHaveText("10000");
  await page.goto(`/promoters/${promoterA}`);
  await expect(page.getByTestId("stat-backfilled")).toHaveText("10000");
  await expect(page.getByTestId("stat-newFollowers")).toHaveText("1");
});
