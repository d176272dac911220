import { expect, test } from "@playwright/test";
import { pushEvent } from "../lib/wechat/simulator/push-event";
import { createPromoter, ensureAdmin } from "./helpers";

// 异常信号 through the real callback: a burst of follows through one code in one minute, some of them
// unfollowing seconds later; the flag shows on the leaderboard (with why), the promoter list, the
// promoter's page (with the evidence) and the flagged list, in Chinese and English; counts stay;
// raising the thresholds in the settings takes the flag away.
const APP_ID = "wx18f0a0d5f0a0d518";
const TOKEN = "fraudsignaltoken";
const BURST = 12; // more than the default 10 a minute
const QUICK = 5; // 5 of 12 new followers unfollow within 24 h: 42 % > 30 %

test("a burst with quick unfollows is flagged with its evidence, never changes counts, and goes when the thresholds rise", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await ensureAdmin(page);
  await page.goto("/settings?new=1");
  await page.getByLabel("名称").fill("防刷服务号");
  await page.getByLabel("AppID（开发者ID）").fill(APP_ID);
  await page.getByLabel("AppSecret（开发者密码）").fill("f0a0d5f0a0d5f0a0d5f0a0d5f0a0d518");
  await page.getByLabel("Token（令牌）").fill(TOKEN);
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("callback-url")).toBeVisible();

  await createPromoter(page, "刷量甲");
  const suspectId = page.url().split("/promoters/")[1];
  const suspectScene = (await page.getByText(/场景值 \d+（永久二维码）/).textContent())!.match(/场景值 (\d+)/)![1];
  await createPromoter(page, "正常乙");
  const honestScene = (await page.getByText(/场景值 \d+（永久二维码）/).textContent())!.match(/场景值 (\d+)/)![1];

  // One whole minute a little in the past (the callback accepts CreateTimes within 330 s of now).
  const minute = Math.floor(Date.now() / 60_000) * 60 - 120;
  const callbackUrl = `${baseURL}/api/wechat/${APP_ID}`;
  for (let i = 0; i < BURST; i++) {
    expect(await pushEvent({ callbackUrl, token: TOKEN, event: "subscribe", openid: `oBurst${i}`, scene: suspectScene, createTime: minute + i * 2 })).toEqual({ status: 200, body: "success" });
  }
  for (let i = 0; i < QUICK; i++) {
    expect(await pushEvent({ callbackUrl, token: TOKEN, event: "unsubscribe", openid: `oBurst${i}`, createTime: minute + 60 + i })).toEqual({ status: 200, body: "success" });
  }
  for (let i = 0; i < 2; i++) {
    expect(await pushEvent({ callbackUrl, token: TOKEN, event: "subscribe", openid: `oHonest${i}`, scene: honestScene, createTime: minute + 100 + i * 20 })).toEqual({ status: 200, body: "success" });
  }

  // The flagged list: ask for the recomputation now instead of waiting for the 10-minute run.
  await page.getByRole("link", { name: "异常信号" }).first().click();
  await expect(page.getByRole("heading", { name: "异常信号" })).toBeVisible();
  await expect.poll(async () => {
    await page.goto("/leaderboard");
    return page.getByTestId(`row-${suspectId}`).locator('[data-metric="unfollows"]').textContent();
  }, { timeout: 20_000 }).toBe(String(QUICK)); // everything attributed
  await page.goto("/signals");
  await page.getByTestId("signals-recompute").click();
  const suspectRow = page.getByTestId(`signal-row-${suspectId}`);
  await expect(suspectRow).toBeVisible({ timeout: 20_000 });
  await expect(suspectRow).toContainText(`快速取关：${QUICK} 位新粉丝在关注后 24 小时内取关，占 ${BURST} 位新粉丝的 42%（阈值 30%）`);
  await expect(suspectRow).toContainText("突发关注：1 分钟内同一二维码每分钟关注超过 10 次");
  await expect(suspectRow).toContainText(`二维码 ${suspectScene} · ${BURST} 次`);
  await expect(page.getByText("正常乙")).toHaveCount(0);

  // The leaderboard: a badge with why beside the name; the counts are the callback's.
  await page.goto("/leaderboard");
  const row = page.getByTestId(`row-${suspectId}`);
  await expect(row.locator('[data-metric="newFollowers"]')).toHaveText(String(BURST));
  const badge = row.getByTestId("signal-badge");
  await expect(badge).toHaveText("⚠ 异常");
  await badge.hover();
  const tip = row.getByTestId("signal-tooltip");
  await expect(tip).toBeVisible();
  await expect(tip).toContainText("为什么");
  await expect(tip).toContainText(`快速取关：${QUICK} 位新粉丝在关注后 24 小时内取关`);
  await expect(tip).toContainText("信号只用于提醒核查，不会改变任何统计数字。");
  await expect(page.getByTestId("leaderboard").getByTestId("signal-badge")).toHaveCount(1); // 正常乙: none
  await page.getByTestId("leaderboard-flagged").check();
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/flagged=1/);
  await expect(page.getByTestId("leaderboard").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("leaderboard").locator("tbody tr").first()).toContainText("刷量甲");

  // The promoter list and the promoter's page, with the evidence and its CSV.
  await page.goto("/promoters");
  await expect(page.getByTestId("signal-badge")).toHaveCount(1);
  await page.goto(`/promoters/${suspectId}`);
  const card = page.getByTestId("signals-card");
  await expect(card).toHaveAttribute("data-flagged", "true");
  await expect(card.getByTestId("signal-quick")).toHaveAttribute("data-flagged", "true");
  await expect(card.getByTestId("signal-quick")).toContainText(`${QUICK} / ${BURST} 位新粉丝`);
  for (let i = 0; i < QUICK; i++) await expect(card.getByTestId("signal-quick")).toContainText(`oBurst${i}`);
  await expect(card.getByTestId("signal-burst")).toHaveAttribute("data-flagged", "true");
  await expect(card.getByTestId("signal-burst").locator("tbody tr")).toHaveCount(1);
  const csv = await (await page.request.get(`/api/exports/signals?promoter=${suspectId}`)).text();
  expect(csv).toContain("信号,时间,取关时间,openid,场景值,次数");
  expect(csv.split("\r\n").filter((line) => line.startsWith("快速取关,"))).toHaveLength(QUICK);
  expect(csv).toContain(`突发关注,`);

  // English, with plurals.
  await page.getByRole("button", { name: "English" }).first().click();
  await expect(card.getByRole("heading", { name: "Signals" })).toBeVisible();
  await expect(card.getByTestId("signal-quick")).toContainText(`${QUICK} of ${BURST} new followers`);
  await expect(card.getByTestId("signal-burst")).toContainText("1 burst minute");
  await page.goto("/leaderboard");
  await expect(row.getByTestId("signal-badge")).toHaveText("⚠ Flagged");
  await row.getByTestId("signal-badge").hover();
  await expect(tip).toContainText(`Quick unfollows: ${QUICK} new followers unfollowed within 24 h, 42% of ${BURST} new followers (threshold 30%)`);
  await expect(tip).toContainText("Burst: 1 minute with more than 10 follows through one code");
  await page.getByRole("button", { name: "中文" }).first().click();
  await expect(row.getByTestId("signal-badge")).toHaveText("⚠ 异常");

  // The thresholds: a bad value is refused with a clear error; higher ones take the flag away.
  await page.goto("/settings");
  const form = page.getByTestId("signal-settings-form");
  await form.getByLabel("每分钟关注上限").fill("0");
  await form.getByRole("button", { name: "保存阈值" }).click();
  await expect(form.getByRole("alert")).toHaveText("请输入 1–10000 之间的整数");
  await form.getByLabel("每分钟关注上限").fill(String(BURST));
  await form.getByLabel("快速取关比例（%）").fill("50");
  await form.getByLabel("夜间关注比例（%）").fill("100"); // whatever the hour of this run, night never flags
  await form.getByRole("button", { name: "保存阈值" }).click();
  await expect(page.getByTestId("signal-settings-saved")).toBeVisible();
  await expect.poll(async () => {
    await page.goto("/leaderboard");
    return page.getByTestId("leaderboard").getByTestId("signal-badge").count();
  }, { timeout: 20_000 }).toBe(0);
  await expect(row.locator('[data-metric="newFollowers"]')).toHaveText(String(BURST)); // nothing changed but the flag
  await page.goto("/signals");
  await expect(page.getByTestId("signals-none")).toBeVisible();
  await page.goto(`/promoters/${suspectId}`);
  await expect(page.getByTestId("signals-card")).toHaveAttribute("data-flagged", "false");
  await expect(page.getByTestId("signal-burst")).toContainText("突发关注（同一二维码每分钟超过 12 次）");
});
