import { expect, test } from "@playwright/test";
import { controlSimulator } from "../lib/wechat/simulator/control-simulator";
import { buildCorpusXml } from "../lib/wechat/simulator/push-corpus";
import { pushEvent } from "../lib/wechat/simulator/push-event";
import { ensureAdmin, SIMULATOR_URL } from "./helpers";

// The home page as a cockpit, through the real UI: pushes arriving and being refused move its figures.
const APP_ID = "wx7c0c4f1a2b3c4d5e";
const TOKEN = "cockpittoken2026";

test("a push arrives → last push and counts move; a bad-signature push → refused count and the warning", async ({ page, baseURL }) => {
  await ensureAdmin(page);
  await page.goto("/settings?new=1"); // the new account becomes the selected one
  await page.getByLabel("名称").fill("驾驶舱服务号");
  await page.getByLabel("AppID（开发者ID）").fill(APP_ID);
  await page.getByLabel("AppSecret（开发者密码）").fill("c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0");
  await page.getByLabel("Token（令牌）").fill(TOKEN);
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("callback-url")).toHaveText(`${baseURL}/api/wechat/${APP_ID}`);
  await page.goto("/promoters");
  await page.getByLabel("姓名").fill("钱七");
  await page.getByRole("button", { name: "添加推广者" }).click();
  await expect(page.getByTestId("qr-svg").locator("svg")).toBeVisible();
  const scene = (await page.getByText(/场景值 \d+（永久二维码）/).textContent())!.match(/场景值 (\d+)/)![1];

  await page.getByRole("link", { name: "概览" }).first().click();
  await expect(page.getByRole("heading", { name: "概览 · 驾驶舱服务号" })).toBeVisible();
  const health = page.getByTestId("callback-health");
  await expect(health.getByTestId("last-push")).toHaveText("暂无");
  await expect(health.getByTestId("pushes-1h")).toHaveText("0");
  await expect(page.locator('[data-warning="safe_mode_off"]')).toContainText("安全模式未开启");
  await expect(page.locator('[data-warning="bad_signature"]')).toHaveCount(0);
  // The code created through the simulator shows in today's quota and the permanent-code budget.
  await expect(page.getByTestId("quota-value")).toContainText(/已用 \d+ \/ 100,000/);
  await expect(page.getByTestId("code-budget")).toContainText("已生成 1 / 100,000");
  await expect(page.getByTestId("token-state")).toContainText("分钟");

  const callbackUrl = `${baseURL}/api/wechat/${APP_ID}`;
  expect(await pushEvent({ callbackUrl, token: TOKEN, event: "subscribe", openid: "oCockpit0001", scene })).toEqual({ status: 200, body: "success" });
  await page.reload();
  await expect(health.getByTestId("pushes-1h")).toHaveText("1");
  await expect(health.getByTestId("pushes-24h")).toHaveText("1");
  await expect(health.getByTestId("last-push")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  await expect(health.getByTestId("ack-latency")).toContainText("≤");
  // Attribution follows the acknowledgement by moments: reload until today's figures and the top 5 show it.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("today-newFollowers")).toHaveText("1", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("top-promoters")).toContainText("钱七");
  await expect(health.getByTestId("last-attributed")).toHaveText(/^\d{4}-/);

  // A menu click is acknowledged, not attributed, and shows under the other pushes by its type.
  const xml = buildCorpusXml("CLICK", { openid: "oCockpit0001", createTime: Math.floor(Date.now() / 1000), toUserName: "gh_cockpit" });
  expect(await pushEvent({ callbackUrl, token: TOKEN, event: "subscribe", openid: "oCockpit0001", xml })).toEqual({ status: 200, body: "success" });
  await expect(async () => {
    await page.reload(); // the counters reach the database with the next flush, within seconds
    await expect(health.getByTestId("untracked-CLICK")).toHaveText("1", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(health.getByTestId("pushes-1h")).toHaveText("2");

  const forged = await pushEvent({ callbackUrl, token: "not-the-console-token", event: "subscribe", openid: "oForged", scene });
  expect(forged.status).toBe(401);
  await page.reload();
  await expect(health.getByTestId("refused-bad_signature")).toHaveText("1");
  await expect(health.locator('[data-reason="bad_signature"]')).toContainText("最近一次");
  await expect(health.getByTestId("pushes-1h")).toHaveText("2"); // the forged push counted nothing else
  await expect(page.locator('[data-warning="bad_signature"]')).toContainText("Token 与公众平台「服务器配置」中的 Token 不一致");

  // WeChat refusing the quota query: the errcode and what to do, after a refresh past the cache.
  await controlSimulator(SIMULATOR_URL, { action: "failNext", errcode: 45009, count: 1, path: "/cgi-bin/openapi/quota/get" });
  await page.getByRole("button", { name: "立即刷新" }).click();
  await expect(page.getByTestId("quota-error")).toContainText("错误码 45009");
  await expect(page.getByTestId("quota-error")).toContainText("北京时间零点");
  await page.getByRole("button", { name: "立即刷新" }).click();
  await expect(page.getByTestId("quota-error")).toHaveCount(0);
});

test("/api/health stays minimal for anonymous probes", async ({ request }) => {
  expect(await (await request.get("/api/health")).json()).toEqual({ ok: true, database: "sqlite" });
});
