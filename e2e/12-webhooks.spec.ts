import { expect, test } from "@playwright/test";
import { pushEvent } from "../lib/wechat/simulator/push-event";
import { startWebhookReceiver } from "../test/webhook-receiver";
import { ensureAdmin } from "./helpers";

// Webhooks through the real UI, against a receiver started here that checks every signature:
// register an endpoint (secret shown once), the test button, a simulator follow arriving signed and
// showing in the delivery log, a failing receiver, redelivery, and the page in English.
const APP_ID = "wx1e0b4c0e2e5a6b7c";
const TOKEN = "webhooktoken2026";

test("register an endpoint, test it, receive a signed follow, see it in the log, redeliver", async ({ page, baseURL }) => {
  const receiver = await startWebhookReceiver();
  try {
    await ensureAdmin(page);
    await page.goto("/settings?new=1"); // an account of its own, which becomes the selected one
    await page.getByLabel("名称").fill("推送服务号");
    await page.getByLabel("AppID（开发者ID）").fill(APP_ID);
    await page.getByLabel("AppSecret（开发者密码）").fill("b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0");
    await page.getByLabel("Token（令牌）").fill(TOKEN);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByTestId("callback-url")).toHaveText(`${baseURL}/api/wechat/${APP_ID}`);
    await page.goto("/promoters");
    await page.getByLabel("姓名").fill("推送甲");
    await page.getByRole("button", { name: "添加推广者" }).click();
    await expect(page.getByTestId("qr-svg").locator("svg")).toBeVisible();
    const scene = (await page.getByText(/场景值 \d+（永久二维码）/).textContent())!.match(/场景值 (\d+)/)![1];

    await page.getByRole("link", { name: "Webhook 推送" }).first().click();
    await expect(page.getByTestId("webhooks-empty")).toBeVisible();
    await page.getByRole("button", { name: "添加接收地址" }).click(); // no URL: refused, nothing created
    await expect(page.getByText("请填写接收地址")).toBeVisible();
    await page.getByLabel("接收地址（URL）").fill("ftp://example.com/hook");
    await page.getByRole("button", { name: "添加接收地址" }).click();
    await expect(page.getByText("只支持 http:// 或 https:// 地址")).toBeVisible();
    await expect(page.getByLabel(/有效关注/)).not.toBeChecked(); // offered, but not on by default

    await page.getByLabel("接收地址（URL）").fill(receiver.url);
    await page.getByRole("button", { name: "添加接收地址" }).click();
    const secret = (await page.getByTestId("one-time-secret-value").textContent())!;
    expect(secret).toMatch(/^whsec_/);
    receiver.state.secret = secret;
    const endpoint = page.getByTestId("webhook-endpoint");
    await expect(endpoint).toContainText(receiver.url);
    await expect(endpoint).toContainText(`whsec_…${secret.slice(-4)}`);
    await expect(endpoint).not.toContainText(secret);

    await endpoint.getByTestId("webhook-test").click();
    await expect(endpoint.getByTestId("webhook-test-result")).toContainText("接收方返回 200");
    expect(receiver.received).toMatchObject([{ type: "ping", signed: true }]);

    const openid = `oHook${Date.now()}`;
    expect(await pushEvent({ callbackUrl: `${baseURL}/api/wechat/${APP_ID}`, token: TOKEN, event: "subscribe", openid, scene, createTime: Math.floor(Date.now() / 1000) - 2 })).toEqual({ status: 200, body: "success" });
    const follow = page.getByTestId("webhook-delivery").and(page.locator('[data-type="follow"]'));
    await expect(async () => {
      await page.reload();
      await expect(follow).toHaveAttribute("data-status", "delivered", { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(follow.getByTestId("webhook-delivery-code")).toHaveText("200");
    const got = receiver.received.find((r) => r.type === "follow")!;
    expect(got).toMatchObject({ signed: true, body: { type: "follow", data: { openid, kind: "new_follow", promoter: { name: "推送甲" }, scene } } });
    await expect(follow).toContainText(got.eventId);

    receiver.state.mode = "error";
    await endpoint.getByTestId("webhook-test").click();
    await expect(endpoint.getByTestId("webhook-test-result")).toContainText("投递失败：HTTP 500");
    await page.reload();
    const failed = page.getByTestId("webhook-delivery").and(page.locator('[data-status="failed"]'));
    await expect(failed).toHaveCount(1);
    await expect(failed.getByTestId("webhook-delivery-code")).toHaveText("500");
    receiver.state.mode = "ok";
    await failed.getByTestId("webhook-redeliver").click();
    await expect(async () => {
      await page.reload();
      await expect(page.locator('[data-testid="webhook-delivery"]:not([data-status="delivered"])')).toHaveCount(0, { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    expect(receiver.received.filter((r) => r.type === "ping").length).toBe(3);

    await page.getByRole("button", { name: "English" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Delivery log" })).toBeVisible();
    await expect(follow).toContainText("Delivered");
    await page.getByRole("button", { name: "中文" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhook 推送" })).toBeVisible();
  } finally {
    await receiver.close();
  }
});
