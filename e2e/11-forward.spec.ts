import { expect, test } from "@playwright/test";
import { pushEvent } from "../lib/wechat/simulator/push-event";
import { ensureAdmin, SIMULATOR_URL } from "./helpers";

// 消息转发 and 自动回复 through the real UI: the simulator (another process) plays the operator's existing backend.
const APP_ID = "wx5f0e1d2c3b4a5f6e";
const TOKEN = "forwardtoken2026";
const UPSTREAM = `${SIMULATOR_URL}/__upstream/${APP_ID}`;
const upstream = (config: object) =>
  fetch(`${SIMULATOR_URL}/__upstream/config`, { method: "POST", body: JSON.stringify({ appId: APP_ID, token: TOKEN, ...config }) }).then((r) => expect(r.status).toBe(200));
const textXml = (openid: string, content: string) =>
  `<xml><ToUserName><![CDATA[gh_forward01]]></ToUserName><FromUserName><![CDATA[${openid}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime>` +
  `<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${Date.now()}</MsgId></xml>`;

test("forward to an existing backend, check it, get its reply; then keyword replies when it stays silent", async ({ page, baseURL }) => {
  await ensureAdmin(page);
  await page.goto("/settings?new=1");
  await page.getByLabel("名称").fill("转发服务号");
  await page.getByLabel("AppID（开发者ID）").fill(APP_ID);
  await page.getByLabel("AppSecret（开发者密码）").fill("f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0");
  await page.getByLabel("Token（令牌）").fill(TOKEN);
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("callback-url")).toHaveText(`${baseURL}/api/wechat/${APP_ID}`);
  const callbackUrl = `${baseURL}/api/wechat/${APP_ID}`;
  const say = (openid: string, content: string) => pushEvent({ callbackUrl, token: TOKEN, event: "subscribe", openid, toUserName: "gh_forward01", xml: textXml(openid, content), strictReply: true });

  // The backend answers the URL check only once it knows this account.
  const forward = page.getByTestId("forward-settings");
  await forward.getByLabel("原后台 URL").fill(UPSTREAM);
  await forward.getByRole("button", { name: "保存转发设置" }).click();
  await expect(forward.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await forward.getByRole("button", { name: "检测原后台" }).click();
  await expect(forward.getByTestId("upstream-check")).toContainText("未通过 URL 验证：HTTP 404");
  await upstream({ text: "原后台收到：{content}" });
  await forward.getByRole("button", { name: "检测原后台" }).click();
  await expect(forward.getByTestId("upstream-check")).toContainText("原后台通过了 URL 验证");

  const answered = await say("oForward0001", "你好");
  expect(answered.replyError).toBeUndefined();
  expect(answered.reply).toContain("<Content><![CDATA[原后台收到：你好]]></Content>");

  // The backend has nothing to say: a keyword rule answers instead.
  await upstream({ behaviour: "success" });
  const rules = page.getByRole("form", { name: "添加规则" });
  await rules.getByLabel("触发方式").selectOption("exact");
  await rules.getByLabel("关键词", { exact: true }).fill("价格");
  await rules.getByLabel("回复文字").fill("价格表请看菜单「服务」");
  await expect(rules.getByTestId("reply-preview")).toHaveText("价格表请看菜单「服务」");
  await rules.getByRole("button", { name: "添加规则" }).click();
  await expect(page.getByTestId("reply-rules")).toContainText("价格表请看菜单「服务」");
  const keyword = await say("oForward0002", "价格");
  expect(keyword.replyError).toBeUndefined();
  expect(keyword.reply).toContain("价格表请看菜单「服务」");
  expect((await say("oForward0003", "别的问题")).body).toBe("success"); // no default rule yet

  // A news reply for any other message, with its preview.
  await rules.getByLabel("触发方式").selectOption("default");
  await rules.getByLabel("回复类型").selectOption("news");
  await rules.getByLabel("标题").fill("常见问题");
  await rules.getByLabel("链接 URL").fill("https://example.com/faq");
  await expect(rules.getByTestId("reply-preview")).toContainText("常见问题");
  await rules.getByRole("button", { name: "添加规则" }).click();
  await expect(page.getByTestId("reply-rules")).toContainText("常见问题");
  const news = await say("oForward0004", "别的问题");
  expect(news.replyError).toBeUndefined();
  expect(news.reply).toContain("<MsgType><![CDATA[news]]></MsgType>");

  // A slow backend: WeChat still gets an answer in time, and the settings show the failure.
  await upstream({ delayMs: 3000, text: "too late" });
  await forward.getByLabel("等待原后台的时间（毫秒）").fill("500");
  await forward.getByRole("button", { name: "保存转发设置" }).click();
  await expect(forward.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  const startedAt = Date.now();
  const slow = await say("oForward0005", "价格");
  expect(Date.now() - startedAt).toBeLessThan(2500);
  expect(slow.reply).toContain("价格表请看菜单「服务」"); // the backend's reply came too late: the keyword rule answers
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("forward-failure")).toContainText("timeout", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // The home page's callback health card counts the outcomes.
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "概览 · 转发服务号" })).toBeVisible();
  const card = page.getByTestId("forwarded-pushes");
  await expect(async () => {
    await page.reload();
    await expect(card.getByTestId("forwarded-timeout")).toHaveText("1", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(card.getByTestId("forwarded-ok")).toHaveText("1");
});

test("automatic replies for a safe-mode account without a backend: follow reply and keyword image, encrypted", async ({ page, baseURL }) => {
  const appId = "wx6a5b4c3d2e1f0a9b";
  const token = "autoreplytoken";
  const key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
  await ensureAdmin(page);
  await page.goto("/settings?new=1");
  await page.getByLabel("名称").fill("自动回复服务号");
  await page.getByLabel("AppID（开发者ID）").fill(appId);
  await page.getByLabel("AppSecret（开发者密码）").fill("a9a9a9a9a9a9a9a9a9a9a9a9a9a9a9a9");
  await page.getByLabel("Token（令牌）").fill(token);
  await page.getByLabel("EncodingAESKey（消息加解密密钥）").fill(key);
  await page.getByLabel("消息加解密方式").selectOption("safe");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("callback-url")).toHaveText(`${baseURL}/api/wechat/${appId}`);
  const callbackUrl = `${baseURL}/api/wechat/${appId}`;
  const safe = { callbackUrl, token, mode: "safe" as const, encodingAesKey: key, appId, toUserName: "gh_forward01", strictReply: true };

  const rules = page.getByRole("form", { name: "添加规则" });
  await rules.getByLabel("触发方式").selectOption("follow");
  await rules.getByLabel("回复类型").selectOption("news");
  await rules.getByLabel("标题").fill("欢迎加入");
  await rules.getByLabel("摘要").fill("新人礼包在这里");
  await rules.getByLabel("链接 URL").fill("https://example.com/gift");
  await rules.getByRole("button", { name: "添加规则" }).click();
  await expect(page.getByTestId("reply-rules")).toContainText("欢迎加入");
  await rules.getByLabel("触发方式").selectOption("contains");
  await rules.getByLabel("关键词", { exact: true }).fill("海报");
  await rules.getByLabel("回复类型").selectOption("image");
  await rules.getByLabel("图片 media_id").fill("MEDIA_poster_01");
  await rules.getByRole("button", { name: "添加规则" }).click();
  await expect(page.getByTestId("reply-rules")).toContainText("MEDIA_poster_01");

  const followed = await pushEvent({ ...safe, event: "subscribe", openid: "oAutoReply001" });
  expect(followed.replyError).toBeUndefined();
  expect(followed.reply).toContain("<Title><![CDATA[欢迎加入]]></Title>");
  const poster = await pushEvent({ ...safe, event: "subscribe", openid: "oAutoReply001", xml: textXml("oAutoReply001", "活动海报在哪") });
  expect(poster.replyError).toBeUndefined();
  expect(poster.reply).toContain("<MediaId><![CDATA[MEDIA_poster_01]]></MediaId>");

  await page.getByTestId("reply-rules").getByRole("row", { name: /海报/ }).getByRole("button", { name: "删除" }).click();
  await expect(page.getByTestId("reply-rules")).not.toContainText("海报");
  expect((await pushEvent({ ...safe, event: "subscribe", openid: "oAutoReply001", xml: textXml("oAutoReply001", "活动海报在哪") })).body).toBe("success");
});
