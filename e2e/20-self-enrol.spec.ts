import { expect, test } from "@playwright/test";
import { readCustomMessages, recordSimulatorMessage } from "../lib/wechat/simulator/control-simulator";
import { pushEvent } from "../lib/wechat/simulator/push-event";
import { ensureAdmin, SIMULATOR_URL } from "./helpers";

// 扫码成为推广者 and 我的数据: a follower applies by sending 推广 to the account, the admin approves in the
// browser, the simulator (another process) receives the custom message with the private link, and the
// link opens the private page; a promoter's 我的数据 gets their counts, rank and a link.
const APP_ID = "wx20e0e0e0e0e0e020";
const TOKEN = "enroltoken2026";
const GH = "gh_enrol000001";
const textXml = (openid: string, content: string) =>
  `<xml><ToUserName><![CDATA[${GH}]]></ToUserName><FromUserName><![CDATA[${openid}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime>` +
  `<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${Date.now()}${Math.floor(Math.random() * 1000)}</MsgId></xml>`;
const contentOf = (reply?: string) => /<Content><!\[CDATA\[([\s\S]*?)\]\]><\/Content>/.exec(reply ?? "")?.[1] ?? "";

test("a follower applies with 推广, the admin approves, the link arrives as a custom message and opens the private page; 我的数据 answers", async ({ page, baseURL }) => {
  await ensureAdmin(page);
  await page.goto("/settings?new=1");
  await page.getByLabel("名称").fill("报名服务号");
  await page.getByLabel("AppID（开发者ID）").fill(APP_ID);
  await page.getByLabel("AppSecret（开发者密码）").fill("e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0");
  await page.getByLabel("Token（令牌）").fill(TOKEN);
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("callback-url")).toHaveText(`${baseURL}/api/wechat/${APP_ID}`);
  const callbackUrl = `${baseURL}/api/wechat/${APP_ID}`;
  /** The follower writes to the account: the simulator learns of it (the 48-hour window), the callback answers. */
  const say = async (openid: string, content: string) => {
    await recordSimulatorMessage(SIMULATOR_URL, { appId: APP_ID, openid });
    const pushed = await pushEvent({ callbackUrl, token: TOKEN, event: "subscribe", openid, toUserName: GH, xml: textXml(openid, content), strictReply: true });
    expect(pushed.replyError).toBeUndefined();
    return pushed;
  };

  // Off by default: the keyword gets the plain "success".
  expect((await say("oEnrolE2E0001", "推广")).body).toBe("success");
  await page.goto("/applications");
  await expect(page.getByTestId("enrol-off")).toBeVisible();

  const section = page.getByTestId("enrol-settings");
  await page.goto("/settings");
  await section.getByLabel("开启报名关键词").check();
  await section.getByLabel("开启「我的数据」关键词").check();
  await section.getByRole("button", { name: "保存报名设置" }).click();
  await expect(section.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await expect(page.getByTestId("enrol-link-origin")).toContainText(baseURL!);

  expect(contentOf((await say("oEnrolE2E0001", "推广 王小明")).reply)).toContain("已收到你的推广者申请");
  expect(contentOf((await say("oEnrolE2E0001", "推广")).reply)).toContain("正在审核中");
  expect(contentOf((await say("oEnrolE2E0001", "我的数据")).reply)).toBe("你还不是推广者。发送「推广」即可申请成为推广者。");

  await page.goto("/applications");
  await expect(page.getByTestId("pending-count")).toHaveText("1 条待审核");
  const row = page.getByTestId("pending-application").filter({ hasText: "oEnrolE2E0001" });
  await expect(row.getByLabel("推广者姓名")).toHaveValue("王小明");
  await row.getByLabel("推广者姓名").fill("王小明（东区）");
  await row.getByRole("button", { name: "通过" }).click();
  await expect(page.getByTestId("decision-result")).toContainText("已通过「王小明（东区）」");
  await expect(page.getByTestId("decided-application").first()).toContainText("已通过");
  await expect(page.getByTestId("decided-application").first().getByTestId("delivery")).toHaveText("已发送");

  const sent = (await readCustomMessages(SIMULATOR_URL)).filter((m) => m.appId === APP_ID && m.touser === "oEnrolE2E0001");
  expect(sent).toHaveLength(1);
  expect(sent[0].content).toContain("你已成为推广者「王小明（东区）」");
  const link = /(https?:\/\/\S+\/p\/\S+)/.exec(sent[0].content!)?.[1] ?? "";
  expect(link.startsWith(`${baseURL}/p/`)).toBe(true);
  await page.goto(link);
  await expect(page.getByTestId("sp-promoter-name")).toHaveText("王小明（东区）");
  await expect(page.getByTestId("sp-qr")).toBeVisible();

  // A follow through the promoter's code (their account's first: scene 1), then 我的数据.
  await pushEvent({ callbackUrl, token: TOKEN, event: "subscribe", openid: "oEnrolFan0001", scene: "1", toUserName: GH });
  let figures = "";
  await expect(async () => {
    figures = contentOf((await say("oEnrolE2E0001", "我的数据")).reply);
    expect(figures).toMatch(/^王小明（东区）：今日 1 新关注，本月 1，排名 第 1 \/ 1，专属页面（24 小时内有效）：/);
  }).toPass({ timeout: 15_000 });
  const signed = /(https?:\/\/\S+\/p\/s1\.\S+)/.exec(figures)?.[1] ?? "";
  await page.goto(signed);
  await expect(page.getByTestId("sp-promoter-name")).toHaveText("王小明（东区）");
  await page.goto(`${signed.slice(0, -2)}xx`);
  await expect(page.getByTestId("sp-not-found")).toBeVisible(); // a tampered link opens nothing

  // English: a second applicant, rejected in bulk.
  await say("oEnrolE2E0002", "推广");
  await page.goto("/applications");
  await page.getByRole("button", { name: "English" }).first().click();
  await expect(page.getByRole("heading", { name: "Applications", exact: true })).toBeVisible();
  await expect(page.getByTestId("pending-count")).toHaveText("1 pending application");
  await page.getByLabel("Select all").check();
  await page.getByRole("button", { name: "Reject selected" }).click();
  await expect(page.getByTestId("decision-result")).toContainText("0 approved, 1 rejected, 0 failed.");
  await expect(page.getByTestId("pending-count")).toHaveText("0 pending applications");
  await page.getByRole("button", { name: "中文" }).first().click();
  await expect(page.getByRole("heading", { name: "推广者申请", exact: true })).toBeVisible();
});
