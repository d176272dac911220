import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { latestReadyDay } from "../lib/crosscheck/datacube-days";
import { addDays } from "../lib/stats/day";
import { controlDatacube, controlSimulator, recordSimulatorEvent } from "../lib/wechat/simulator/control-simulator";
import { ensureAdmin, SIMULATOR_URL } from "./helpers";

// 数据核对 through the real UI: a week of follows that WeChat's statistics (the simulator's datacube)
// and Scenecode both saw, one day put off on WeChat's side, then the cross-check run from the page.
//
// WeChat never pushes past days, and the callback refuses a CreateTime more than 330 s from now, so
// the week's events cannot come through the callback. Each event is instead (1) recorded by the
// simulator as a push it sent on that day (POST /__simulator/events) and (2) committed to the
// server's database with storeEvent, the function the callback calls once a push is verified; the
// server's own attribution worker then turns them into ledger rows and rollups. Only the HTTP and
// signature layer, tested by the other specs, is skipped.
const APP_ID = "wx11c0ffee0c4ec4e1";
const E2E_DB = "file:./data/e2e/scenecode.db";

type Happening = { day: number; event: "subscribe" | "unsubscribe"; openid: string; scene?: string };

/** Commits the events to the server's database the way the callback does, and waits for their attribution. */
function storeOnOurSide(rows: { fromUser: string; createTime: number; event: string; eventKey: string | null }[]) {
  const env = { ...process.env, DATABASE_URL: E2E_DB, DATA_DIR: "data/e2e" };
  return execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "e2e/store-past-events.ts", APP_ID, JSON.stringify(rows)], { env, encoding: "utf8", timeout: 60_000 });
}

test("a cross-check week: six days equal, the day WeChat counted more highlighted and explained, unknown scenes linked", async ({ page }) => {
  test.setTimeout(120_000);
  await ensureAdmin(page);
  await page.goto("/settings?new=1"); // the new account becomes the selected one
  await page.getByLabel("名称").fill("核对服务号");
  await page.getByLabel("AppID（开发者ID）").fill(APP_ID);
  await page.getByLabel("AppSecret（开发者密码）").fill("c4ecc4ecc4ecc4ecc4ecc4ecc4ecc4ec");
  await page.getByLabel("Token（令牌）").fill("crosschecktoken");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("callback-url")).toBeVisible();
  await page.goto("/promoters");
  await page.getByLabel("姓名").fill("核对甲");
  await page.getByRole("button", { name: "添加推广者" }).click();
  const scene = (await page.getByText(/场景值 \d+（永久二维码）/).textContent())!.match(/场景值 (\d+)/)![1];

  const to = latestReadyDay();
  const from = addDays(to, -6);
  const week: Happening[] = [
    { day: 0, event: "subscribe", openid: "oWeek1", scene },
    { day: 1, event: "subscribe", openid: "oWeek2" }, // organic: another source on WeChat's side
    { day: 2, event: "subscribe", openid: "oWeek3", scene: "88888" }, // a code made outside Scenecode
    { day: 3, event: "subscribe", openid: "oWeek4", scene },
    { day: 4, event: "unsubscribe", openid: "oWeek2" },
    { day: 5, event: "subscribe", openid: "oWeek2", scene }, // a re-follow through the code
    { day: 6, event: "subscribe", openid: "oWeek5", scene },
    { day: 6, event: "unsubscribe", openid: "oWeek1" },
  ];
  await controlDatacube(SIMULATOR_URL, { action: "clear", appId: APP_ID });
  await controlDatacube(SIMULATOR_URL, { action: "baseline", appId: APP_ID, followers: 1200 });
  const rows = [];
  for (const [i, h] of week.entries()) {
    const createTime = Math.floor(Date.parse(`${addDays(from, h.day)}T10:00:00+08:00`) / 1000) + i;
    await recordSimulatorEvent(SIMULATOR_URL, { appId: APP_ID, event: h.event, openid: h.openid, scene: h.scene, createTime });
    rows.push({ fromUser: h.openid, createTime, event: h.event, eventKey: h.event === "subscribe" && h.scene ? `qrscene_${h.scene}` : null });
  }
  expect(storeOnOurSide(rows)).toContain(`stored and attributed ${rows.length} events`); // by the server's worker
  const offDay = addDays(from, 3);
  await controlDatacube(SIMULATOR_URL, { action: "adjust", appId: APP_ID, day: offDay, newUser: 2 }); // two QR follows that never reached us

  await page.getByRole("link", { name: "数据核对" }).first().click();
  await expect(page.getByRole("heading", { name: "数据核对" })).toBeVisible();
  await expect(page.getByTestId("crosscheck-fetch-state")).toContainText(`核对范围：${from} 至 ${to}`);
  await page.getByTestId("crosscheck-run").click();
  await expect(page.getByTestId("crosscheck-run-result")).toHaveText("已获取 7 天的微信数据。");
  await expect(page.getByTestId("crosscheck-fetch-state")).toContainText("上次成功获取");

  const table = page.getByTestId("crosscheck-table");
  const row = (day: number) => table.locator(`[data-testid="crosscheck-row"][data-day="${addDays(from, day)}"]`);
  await expect(table.getByTestId("crosscheck-row")).toHaveCount(7);
  for (const day of [0, 1, 2, 4, 5, 6]) await expect(row(day).getByTestId("crosscheck-status")).toHaveText("一致");
  await expect(table.locator('[data-status="off"]')).toHaveCount(1);
  const off = row(3);
  await expect(off.getByTestId("crosscheck-status")).toHaveText("有差异");
  await expect(off.locator('[data-metric="wechat-qr"]')).toHaveText("3");
  await expect(off.locator('[data-metric="ours-qr"]')).toHaveText(/^1\s*比微信少 2$/);
  await expect(off.locator('[data-metric="ours-qr"]')).toHaveAttribute("data-off", "true");
  await expect(off.locator('[data-metric="ours-unfollows"]')).not.toHaveAttribute("data-off", "true");
  await expect(off).toContainText("微信多记了 2 次");
  await expect(row(1).locator('[data-metric="wechat-all"]')).toHaveText("1");
  await expect(row(1).locator('[data-metric="wechat-qr"]')).toHaveText("0");
  await expect(row(5).locator('[data-metric="ours-qr"]')).toHaveText("1"); // the re-follow counts as a QR follow on both sides
  await expect(row(6).locator('[data-metric="wechat-cumulate"]')).toHaveText("1,206"); // 1,200 before, 6 follows + the 2 put on, 2 unfollows

  await row(2).getByRole("link", { name: "查看当天的未归属场景值" }).click();
  await expect(page.getByTestId("day-scenes")).toContainText(`${addDays(from, 2)} 的未归属场景值`);
  await expect(page.getByTestId("day-scenes").getByRole("row", { name: /88888/ })).toContainText("1");

  // WeChat refusing: the errcode and what to do; the stored week stays on the page.
  await controlSimulator(SIMULATOR_URL, { action: "failNext", errcode: 45009, path: "/datacube/getusersummary" });
  await page.getByTestId("crosscheck-run").click();
  await expect(page.getByTestId("crosscheck-error")).toContainText("微信返回错误 45009");
  await expect(page.getByTestId("crosscheck-error")).toContainText("今日接口调用次数已达上限");
  await expect(table.locator('[data-status="match"]')).toHaveCount(6);
  await page.getByTestId("crosscheck-run").click();
  await expect(page.getByTestId("crosscheck-error")).toHaveCount(0);
});
