import { expect, test } from "@playwright/test";
import { pushEvent } from "../lib/wechat/simulator/push-event";
import { controlSimulator } from "../lib/wechat/simulator/control-simulator";
import { ensureAdmin, SIMULATOR_URL } from "./helpers";

// The product's heart, through the real UI: account → promoter → QR code → scan → leaderboard.
test.describe.configure({ mode: "serial" });

const APP_ID = "wx5c3b9d2e1f0a4b6c";
const TOKEN = "e2etoken2026";

test("configure account → create promoter → follow via its code → leaderboard → unfollow → net 0", async ({ page, baseURL }) => {
  // The pages' CSP must not block anything the app itself needs (hydration, recharts, the QR SVG).
  const violations: string[] = [];
  page.on("console", (m) => { if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text()); });
  await ensureAdmin(page);

  await page.getByRole("link", { name: "公众号设置" }).first().click();
  await page.getByLabel("名称").fill("场景码测试号");
  await page.getByLabel("AppID（开发者ID）").fill(APP_ID);
  await page.getByLabel("AppSecret（开发者密码）").fill("0123456789abcdef0123456789abcdef");
  await page.getByLabel("Token（令牌）").fill(TOKEN);
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("callback-url")).toHaveText(`${baseURL}/api/wechat/${APP_ID}`);

  await page.getByRole("link", { name: "推广者" }).first().click();
  await page.getByLabel("姓名").fill("张三");
  await page.getByLabel("手机号（可选）").fill("13800138000");
  await page.getByRole("button", { name: "添加推广者" }).click();
  await expect(page.getByRole("heading", { name: "张三" })).toBeVisible();
  await expect(page.getByTestId("qr-svg").locator("svg")).toBeVisible();
  await expect(page.getByText("场景值 1（永久二维码）")).toBeVisible();

  const png = await page.request.get(await page.getByRole("link", { name: "下载 PNG" }).getAttribute("href") ?? "");
  expect(png.headers()["content-type"]).toBe("image/png");

  const callbackUrl = `${baseURL}/api/wechat/${APP_ID}`;
  const now = Math.floor(Date.now() / 1000);
  expect(await pushEvent({ callbackUrl, token: TOKEN, event: "subscribe", openid: "oE2Efollower0001", scene: "1", createTime: now - 5 })).toEqual({ status: 200, body: "success" });

  await page.getByRole("link", { name: "排行榜" }).first().click();
  const row = page.getByTestId("leaderboard").getByRole("row", { name: /张三/ });
  // Attribution follows the acknowledgement by moments (the pipeline's worker): reload until it shows.
  const showsAfterReload = async (metric: string, value: string) =>
    expect(async () => {
      await page.reload();
      await expect(row.locator(`[data-metric="${metric}"]`)).toHaveText(value, { timeout: 1000 });
    }).toPass({ timeout: 10_000 });
  await showsAfterReload("newFollowers", "1");
  await expect(row.locator('[data-metric="net"]')).toHaveText("1");

  expect(await pushEvent({ callbackUrl, token: TOKEN, event: "unsubscribe", openid: "oE2Efollower0001", createTime: now })).toEqual({ status: 200, body: "success" });
  await showsAfterReload("unfollows", "1");
  await expect(row.locator('[data-metric="net"]')).toHaveText("0");

  await row.getByRole("link", { name: "张三" }).click();
  await expect(page.getByTestId("promoter-followers").getByRole("row", { name: /oE2Efollower0001/ })).toContainText("已取关");
  await expect(page.getByTestId("promoter-timeline")).toContainText("取消关注");
  await expect(page.getByTestId("stat-net")).toHaveText("0");
  await expect(page.locator(".recharts-wrapper").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("a forged push is refused and counts nothing", async ({ baseURL }) => {
  const response = await pushEvent({ callbackUrl: `${baseURL}/api/wechat/${APP_ID}`, token: "wrong-token", event: "subscribe", openid: "oForged", scene: "1" });
  expect(response.status).toBe(401);
});

test("WeChat refusing the code: the operator sees the errcode and what to do, then retries", async ({ page }) => {
  await ensureAdmin(page);
  await controlSimulator(SIMULATOR_URL, { action: "failNext", errcode: 48001, count: 1, path: "/cgi-bin/qrcode/create" });
  await page.goto("/promoters");
  await page.getByLabel("姓名").fill("李四");
  await page.getByRole("button", { name: "添加推广者" }).click();
  await expect(page.getByRole("heading", { name: "李四" })).toBeVisible();
  const alert = page.getByRole("alert").filter({ hasText: "微信未能生成二维码" });
  await expect(alert).toContainText("错误码 48001");
  await expect(alert).toContainText("已认证的服务号");
  await page.getByRole("button", { name: "重新生成" }).click();
  await expect(page.getByTestId("qr-svg").locator("svg")).toBeVisible();
});
