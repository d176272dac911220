import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { addDays, dayOf } from "../lib/stats/day";
import { recordSimulatorEvent } from "../lib/wechat/simulator/control-simulator";
import { ensureAdmin, SIMULATOR_URL, waitForHydration } from "./helpers";

// 结算 through the real UI: a price, follows of a past week (sent by the simulator on those days and
// committed the way the callback commits them, as in 14-crosscheck), a period refused while not closed,
// the preview, the lock, the payout sheet downloaded as CSV, the amount on the promoter's private
// page, and both pages in English.
const APP_ID = "wx5e771e0e2e5a6b19";
const E2E_DB = "file:./data/e2e/scenecode.db";

function storeOnOurSide(rows: { fromUser: string; createTime: number; event: string; eventKey: string | null }[]) {
  const env = { ...process.env, DATABASE_URL: E2E_DB, DATA_DIR: "data/e2e" };
  return execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "e2e/store-past-events.ts", APP_ID, JSON.stringify(rows)], { env, encoding: "utf8", timeout: 60_000 });
}

test("set a price, settle a closed week, lock it, download the payout sheet, see the amount on the private page", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await ensureAdmin(page);
  await page.goto("/settings?new=1");
  await page.getByLabel("名称").fill("结算服务号");
  await page.getByLabel("AppID（开发者ID）").fill(APP_ID);
  await page.getByLabel("AppSecret（开发者密码）").fill("5e775e775e775e775e775e775e775e77");
  await page.getByLabel("Token（令牌）").fill("settletoken2026");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("callback-url")).toBeVisible();
  await page.goto("/promoters");
  await page.getByLabel("姓名").fill("结算甲");
  await page.getByRole("button", { name: "添加推广者" }).click();
  await expect(page.getByRole("heading", { name: "结算甲" })).toBeVisible();
  const scene = (await page.getByText(/场景值 \d+（永久二维码）/).textContent())!.match(/场景值 (\d+)/)![1];
  const panel = page.getByTestId("private-link-panel");
  await panel.getByTestId("private-link-create").click();
  const privateUrl = (await panel.getByTestId("private-link-url").innerText()).trim();

  // A week that ended 8 days ago (closed: its last day and 3 more have passed). Two followers stay,
  // one leaves the next day (not qualified).
  const today = dayOf(new Date(), "Asia/Shanghai");
  const from = addDays(today, -14);
  const to = addDays(today, -8);
  const at = (day: number, i: number) => Math.floor(Date.parse(`${addDays(from, day)}T10:00:00+08:00`) / 1000) + i;
  const week = [
    { fromUser: "oSettle1", createTime: at(1, 0), event: "subscribe", eventKey: `qrscene_${scene}` },
    { fromUser: "oSettle2", createTime: at(2, 1), event: "subscribe", eventKey: `qrscene_${scene}` },
    { fromUser: "oSettle2", createTime: at(3, 2), event: "unsubscribe", eventKey: null },
    { fromUser: "oSettle3", createTime: at(4, 3), event: "subscribe", eventKey: `qrscene_${scene}` },
  ];
  for (const e of week) await recordSimulatorEvent(SIMULATOR_URL, { appId: APP_ID, event: e.event as "subscribe" | "unsubscribe", openid: e.fromUser, scene: e.eventKey ? scene : undefined, createTime: e.createTime });
  expect(storeOnOurSide(week)).toContain("stored and attributed 4 events");

  await page.getByRole("link", { name: "结算" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "结算" })).toBeVisible();
  await expect(page.getByTestId("settlement-runs-empty")).toBeVisible();
  await page.getByLabel("单价（元）").fill("abc");
  await page.getByRole("button", { name: "保存单价" }).click();
  await expect(page.getByText("请输入金额，最多两位小数，例如 1.50")).toBeVisible();
  await page.getByLabel("单价（元）").fill("1.50");
  await page.getByRole("button", { name: "保存单价" }).click();
  await expect(page.getByTestId("price-item").and(page.locator('[data-scope="account"]')).getByTestId("price-value")).toHaveText("¥1.50");

  const form = page.getByTestId("new-run-form");
  await form.getByLabel("开始日期").fill(from);
  await form.getByLabel("结束日期").fill(today); // not closed yet: refused
  await page.getByTestId("preview-run").click();
  await expect(page.getByTestId("run-error")).toContainText("还未结束满 3 天");
  await form.getByLabel("结束日期").fill(to);
  await page.getByTestId("preview-run").click();
  await expect(page.getByTestId("preview-totals")).toHaveText("合计：2 个有效关注，应付 ¥3.00（其中调整 ¥0.00）");
  expect(await page.getByTestId("settlement-run").count()).toBe(0); // a preview locks nothing
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByTestId("lock-run").click();
  await expect(page).toHaveURL(/\/settlements\/[\w-]+$/);
  await expect(page.getByTestId("run-title")).toHaveText(`结算 #1：${from} 至 ${to}`);
  const line = page.getByTestId("settlement-line").filter({ hasText: "结算甲" });
  await expect(line.getByTestId("line-qualified")).toHaveText("2");
  await expect(line.getByTestId("line-total")).toHaveText("¥3.00");

  const download = page.waitForEvent("download");
  await page.getByTestId("export-lines-csv").click();
  const sheet = fs.readFileSync((await (await download).path())!, "utf8");
  expect(sheet).toContain("周期,推广者,团队,首次关注,有效关注,单价,金额,调整,调整金额,应付合计,推广者 ID");
  expect(sheet).toMatch(new RegExp(`${from}~${to},结算甲,,3,2,1\\.50,3\\.00,0,0\\.00,3\\.00,`));
  const evidence = await page.request.get(`${baseURL}${await page.getByTestId("export-evidence-csv").getAttribute("href")}`);
  expect(await evidence.text()).toMatch(/结算甲,oSettle2,\d+,[\d-]+,[\d-]+ 10:00:01,[\d-]+ 10:00:02,否,3 天内取消关注,1\.50,0\.00,否,/);

  // An overlapping period is refused.
  await page.goto("/settlements");
  await waitForHydration(page, "preview-run");
  await form.getByLabel("开始日期").fill(to);
  await form.getByLabel("结束日期").fill(to);
  await page.getByTestId("preview-run").click();
  await expect(page.getByTestId("run-error")).toHaveText(`与已有结算（${from} 至 ${to}）重叠`);
  await expect(page.getByTestId("settlement-run")).toHaveCount(1);
  await expect(page.getByTestId("run-total")).toHaveText("¥3.00");

  // The promoter's private page: the settled period and its amount, no follower ids.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const promoterPage = await phone.newPage();
  await promoterPage.goto(privateUrl);
  const settled = promoterPage.getByTestId("sp-settlement");
  await expect(settled).toContainText(`${from} 至 ${to}`);
  await expect(settled).toContainText("2 个有效关注");
  await expect(settled.getByTestId("sp-settlement-total")).toHaveText("¥3.00");
  await expect(promoterPage.getByTestId("sp-settlements")).not.toContainText("oSettle");

  // English, with plurals.
  await page.getByRole("button", { name: "English" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Settlement" })).toBeVisible();
  await page.getByTestId("settlement-run").getByRole("link").click();
  await expect(page.getByTestId("run-title")).toHaveText(`Settlement #1: ${from} to ${to}`);
  await expect(page.getByTestId("run-totals")).toHaveText("Total: 2 qualified follows, ¥3.00 due (adjustments ¥0.00)");
  await expect(page.getByTestId("export-lines-csv")).toHaveText("Export payout sheet (CSV)");
  await phone.addCookies([{ name: "locale", value: "en", url: baseURL! }]);
  await promoterPage.reload();
  await expect(promoterPage.getByTestId("sp-settlement")).toContainText(`${from} to ${to}`);
  await expect(promoterPage.getByTestId("sp-settlement")).toContainText("2 qualified follows");
  await phone.close();
});
