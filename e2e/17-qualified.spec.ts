import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { dayOf } from "../lib/stats/day";
import { recordSimulatorEvent } from "../lib/wechat/simulator/control-simulator";
import { ensureAdmin, SIMULATOR_URL } from "./helpers";

// 有效关注 through the real UI: follows ten days old (decided) and from today (pending), on the
// leaderboard sorted by qualified follows in the database, then N changed in the account settings
// (the server's job rebuilds the counts), in Chinese and English.
//
// WeChat never pushes past days and the callback refuses an old CreateTime, so, as in
// e2e/14-crosscheck.spec.ts, each event is recorded by the simulator as a push it sent then and
// committed to the server's database with storeEvent (e2e/store-past-events.ts); the server's own
// attribution worker derives the ledger and the rollups.
const APP_ID = "wx17aa11f1edc0de17";
const E2E_DB = "file:./data/e2e/scenecode.db";
const DAY = 86_400;

type Push = { openid: string; at: number; scene?: string };

function storeOnOurSide(rows: { fromUser: string; createTime: number; event: string; eventKey: string | null }[]) {
  const env = { ...process.env, DATABASE_URL: E2E_DB, DATA_DIR: "data/e2e" };
  return execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "e2e/store-past-events.ts", APP_ID, JSON.stringify(rows)], { env, encoding: "utf8", timeout: 60_000 });
}

async function addPromoter(page: Page, name: string) {
  await page.goto("/promoters");
  await page.getByLabel("姓名").fill(name);
  await page.getByRole("button", { name: "添加推广者" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const scene = (await page.getByText(/场景值 \d+（永久二维码）/).textContent())!.match(/场景值 (\d+)/)![1];
  return { id: page.url().split("/promoters/")[1].split(/[?#]/)[0], scene };
}

test("qualified follows: final and pending on the leaderboard, sorted by them, recounted after N changes, in both languages", async ({ page }) => {
  test.setTimeout(150_000);
  await ensureAdmin(page);
  await page.goto("/settings?new=1");
  await page.getByLabel("名称").fill("有效关注服务号");
  await page.getByLabel("AppID（开发者ID）").fill(APP_ID);
  await page.getByLabel("AppSecret（开发者密码）").fill("a11f1eda11f1eda11f1eda11f1eda11f");
  await page.getByLabel("Token（令牌）").fill("qualifiedtoken");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("callback-url")).toBeVisible();
  const a = await addPromoter(page, "有效甲");
  const b = await addPromoter(page, "有效乙");

  const now = Math.floor(Date.now() / 1000);
  const t0 = now - 10 * DAY;
  const follows: Push[] = [
    { openid: "oQa1", at: t0, scene: a.scene }, // stays: qualified
    { openid: "oQa2", at: t0 + 60, scene: a.scene }, // leaves two days later: not under N = 3, qualified under N = 1
    { openid: "oQa3", at: t0 + 120, scene: a.scene }, // stays
    { openid: "oQb1", at: t0 + 180, scene: b.scene }, // stays
    { openid: "oQb2", at: t0 + 240, scene: b.scene }, // leaves within the hour
    { openid: "oQb3", at: now - 300, scene: b.scene }, // today: pending
    { openid: "oQb4", at: now - 240, scene: b.scene }, // today: pending
  ];
  const unfollows: Push[] = [{ openid: "oQa2", at: t0 + 60 + 2 * DAY }, { openid: "oQb2", at: t0 + 240 + 3600 }];
  const rows = [];
  for (const [event, list] of [["subscribe", follows], ["unsubscribe", unfollows]] as const) {
    for (const p of list) {
      await recordSimulatorEvent(SIMULATOR_URL, { appId: APP_ID, event, openid: p.openid, scene: p.scene, createTime: p.at });
      rows.push({ fromUser: p.openid, createTime: p.at, event, eventKey: p.scene ? `qrscene_${p.scene}` : null });
    }
  }
  expect(storeOnOurSide(rows)).toContain(`stored and attributed ${rows.length} events`);

  const range = { from: dayOf(new Date(t0 * 1000)), to: dayOf(new Date(now * 1000)) };
  const board = (sort: string) => page.goto(`/leaderboard?${new URLSearchParams({ ...range, sort })}`);
  const cell = (id: string, metric: string) => page.getByTestId(`row-${id}`).locator(`[data-metric="${metric}"]`);
  const names = () => page.getByTestId("leaderboard").locator("tbody tr td:nth-child(2) a");

  await board("newFollowers");
  await expect(page.getByRole("columnheader", { name: "有效关注" })).toBeVisible();
  await expect(names()).toHaveText(["有效乙", "有效甲"]); // 4 new followers before 3
  await expect(cell(a.id, "qualified")).toHaveText("2");
  await expect(cell(b.id, "qualified")).toHaveText("12 待定"); // 1 final, 2 of today's still pending
  await expect(cell(b.id, "qualified").getByTestId("qualify-pending")).toHaveText("2 待定");
  await expect(page.getByTestId("qualified-hint")).toContainText("关注满 3 天时仍在关注");

  await page.getByRole("link", { name: "有效关注" }).click(); // the header re-sorts, in the database
  await expect(page).toHaveURL(/sort=qualified/);
  await expect(names()).toHaveText(["有效甲", "有效乙"]);

  // N in the account settings: bad input is refused, a change is saved and the counts rebuilt.
  await page.goto("/settings");
  const section = page.getByTestId("qualify-settings");
  await section.getByLabel("观察天数（1–90）").fill("0");
  await section.getByRole("button", { name: "保存观察天数" }).click();
  await expect(section.getByText("观察天数须为 1 到 90 之间的整数。")).toBeVisible();
  await section.getByLabel("观察天数（1–90）").fill("1");
  await section.getByRole("button", { name: "保存观察天数" }).click();
  await expect(section.getByTestId("qualify-saved")).toContainText("观察天数改为 1 天");
  await expect(async () => {
    await board("qualified");
    await expect(cell(a.id, "qualified")).toHaveText("3", { timeout: 1000 }); // oQa2 stayed a day: qualified under N = 1
  }).toPass({ timeout: 60_000 });
  await expect(cell(b.id, "qualified")).toHaveText("12 待定");
  await page.goto("/audit");
  await expect(page.getByText("修改有效关注天数").first()).toBeVisible();

  // The same board in English.
  await page.getByRole("button", { name: "English" }).first().click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await board("qualified");
  await expect(page.getByRole("columnheader", { name: /^Qualified/ })).toBeVisible();
  await expect(cell(b.id, "qualified").getByTestId("qualify-pending")).toHaveText("2 pending");
  await expect(page.getByTestId("qualified-hint")).toContainText("still following 1 day after following");
  await page.goto(`/promoters/${b.id}`);
  await expect(page.getByTestId("stat-qualified")).toHaveText("1");
  await expect(page.getByTestId("stat-qualify-pending")).toHaveText("2 pending");
});
