import { expect, test } from "@playwright/test";
import { pushEvent } from "../lib/wechat/simulator/push-event";
import { ensureAdmin } from "./helpers";

// A safe-mode (AES) account with a temporary campaign code, through the real UI.
const APP_ID = "wx9a8b7c6d5e4f3a2b";
const TOKEN = "safemodetoken";
const AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

test("safe mode: temporary code → encrypted follow → encrypted welcome reply → leaderboard", async ({ page, baseURL }) => {
  await ensureAdmin(page);
  await page.goto("/settings?new=1");
  await page.getByLabel("名称").fill("安全模式服务号");
  await page.getByLabel("AppID（开发者ID）").fill(APP_ID);
  await page.getByLabel("AppSecret（开发者密码）").fill("fedcba9876543210fedcba9876543210");
  await page.getByLabel("Token（令牌）").fill(TOKEN);
  await page.getByLabel("EncodingAESKey（消息加解密密钥）").fill(AES_KEY);
  await page.getByLabel("消息加解密方式").selectOption("safe");
  await page.getByLabel("关注欢迎语（可选）").fill("感谢关注，你是通过 {promoter} 的推荐来的");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("callback-url")).toHaveText(`${baseURL}/api/wechat/${APP_ID}`);

  await page.goto("/promoters");
  await page.getByLabel("姓名").fill("赵六");
  await page.getByRole("button", { name: "添加推广者" }).click();
  await expect(page.getByRole("heading", { name: "赵六" })).toBeVisible();

  const addForm = page.getByRole("form", { name: "添加二维码" });
  await addForm.getByLabel("类型").selectOption("QR_SCENE");
  await addForm.getByLabel("活动名称（可选）").fill("双十二");
  await addForm.getByLabel("有效天数（1–30）").fill("7");
  await addForm.getByRole("button", { name: "添加二维码" }).click();
  const campaign = page.getByTestId("qr-codes").getByRole("row", { name: /双十二/ });
  await expect(campaign).toContainText("临时 · 整数场景");
  await expect(campaign).toContainText("已生成");
  const scene = await campaign.getAttribute("data-scene");
  expect(Number(scene)).toBeGreaterThan(100000);

  const callbackUrl = `${baseURL}/api/wechat/${APP_ID}`;
  const plain = await pushEvent({ callbackUrl, token: TOKEN, event: "subscribe", openid: "oPlainIntruder", scene: scene! });
  expect(plain.status).toBe(401); // safe mode refuses plaintext

  const pushed = await pushEvent({ callbackUrl, token: TOKEN, event: "subscribe", openid: "oSafeFollower01", scene: scene!, mode: "safe", encodingAesKey: AES_KEY, appId: APP_ID });
  expect(pushed.status).toBe(200);
  expect(pushed.replyError).toBeUndefined();
  expect(pushed.reply).toContain("感谢关注，你是通过 赵六 的推荐来的");

  await page.goto("/leaderboard");
  const row = page.getByTestId("leaderboard").getByRole("row", { name: /赵六/ });
  await expect(async () => {
    await page.reload(); // attribution follows the acknowledgement by moments
    await expect(row.locator('[data-metric="newFollowers"]')).toHaveText("1", { timeout: 1000 });
  }).toPass({ timeout: 10_000 });

  // Key rotation, as the README describes it: the new key is saved here first, and WeChat keeps
  // sending with the old one until the console is switched. Those pushes get replies WeChat can read.
  const NEW_KEY = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";
  await page.goto("/settings");
  await page.getByLabel("EncodingAESKey（消息加解密密钥）", { exact: true }).fill(NEW_KEY);
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText("已保存", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("previous-key-used")).toHaveText("自更换密钥以来，尚未收到使用旧密钥的推送。");

  const duringRotation = await pushEvent({ callbackUrl, token: TOKEN, event: "subscribe", openid: "oSafeFollower02", scene: scene!, mode: "safe", encodingAesKey: AES_KEY, appId: APP_ID });
  expect(duringRotation.status).toBe(200);
  expect(duringRotation.replyError).toBeUndefined(); // opened and verified with the old key
  expect(duringRotation.reply).toContain("感谢关注，你是通过 赵六 的推荐来的");
  await expect(async () => {
    await page.reload(); // noted just after the answer
    await expect(page.getByTestId("previous-key-used")).toContainText("最近一次使用旧密钥的推送：", { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
});
