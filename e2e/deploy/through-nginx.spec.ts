import { expect, request, test } from "@playwright/test";
import { pushEvent } from "../../lib/wechat/simulator/push-event";
import { ensureAdmin } from "../helpers";

// Through nginx (TLS) in front of two instances on one PostgreSQL: sign in, connect an account,
// create a promoter, follow through its code, and see the follower on the leaderboard, rendered
// by each instance. The public URLs the app shows come from nginx's X-Forwarded-* headers.
const APP_ID = "wx0de91029fe3c4b7a";
const TOKEN = "deploytoken2026";
const INSTANCES = (process.env.DEPLOY_INSTANCES ?? "").split(/\s+/).filter(Boolean);
const FOLLOWERS = 6;

test("sign in → account → promoter → follows through nginx → the leaderboard on both instances", async ({ page, baseURL, context }) => {
  expect(INSTANCES.length).toBe(2);
  await ensureAdmin(page);

  await page.goto("/settings");
  await page.getByLabel("名称").fill("部署测试号");
  await page.getByLabel("AppID（开发者ID）").fill(APP_ID);
  await page.getByLabel("AppSecret（开发者密码）").fill("0123456789abcdef0123456789abcdef");
  await page.getByLabel("Token（令牌）").fill(TOKEN);
  await page.getByRole("button", { name: "保存" }).click();
  // The server URL to paste into WeChat: https and nginx's host and port, not the instance's.
  const callbackUrl = `${baseURL}/api/wechat/${APP_ID}`;
  await expect(page.getByTestId("callback-url")).toHaveText(callbackUrl);
  // A client's own X-Forwarded-* headers change nothing: nginx overwrites them.
  await page.setExtraHTTPHeaders({ "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" });
  await page.reload();
  await expect(page.getByTestId("callback-url")).toHaveText(callbackUrl);
  await page.setExtraHTTPHeaders({});

  await page.goto("/promoters");
  await page.getByLabel("姓名").fill("王五");
  await page.getByRole("button", { name: "添加推广者" }).click();
  await expect(page.getByRole("heading", { name: "王五" })).toBeVisible();
  await expect(page.getByText("场景值 1（永久二维码）")).toBeVisible();

  // Signed pushes through nginx, spread over both instances by its round robin.
  const now = Math.floor(Date.now() / 1000);
  for (let i = 0; i < FOLLOWERS; i++) {
    const pushed = await pushEvent({ callbackUrl, token: TOKEN, event: "subscribe", openid: `oDeployFollower${i}`, scene: "1", createTime: now - 10 + i });
    expect(pushed).toEqual({ status: 200, body: "success" });
  }

  await page.goto("/leaderboard");
  const row = page.getByTestId("leaderboard").getByRole("row", { name: /王五/ });
  await expect(async () => {
    await page.reload();
    await expect(row.locator('[data-metric="newFollowers"]')).toHaveText(String(FOLLOWERS), { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // The same session on each instance directly (one AUTH_SECRET): both render the same count.
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  for (const instance of INSTANCES) {
    const direct = await request.newContext({ baseURL: instance, extraHTTPHeaders: { cookie } });
    const html = await (await direct.get("/leaderboard")).text();
    expect(html, `${instance} renders the promoter`).toContain("王五");
    expect(html, `${instance} counts the follows`).toMatch(new RegExp(`data-metric="newFollowers"[^>]*>${FOLLOWERS}<`));
    await direct.dispose();
  }
});
