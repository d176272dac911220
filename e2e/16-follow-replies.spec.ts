import { expect, test, type Page } from "@playwright/test";
import { controlSimulator } from "../lib/wechat/simulator/control-simulator";
import { pushEvent, type PushMode } from "../lib/wechat/simulator/push-event";
import { createPromoter, ensureAdmin, SIMULATOR_URL } from "./helpers";

// Follow replies per code and campaign through the real UI: upload a permanent image (a bad file and a
// WeChat refusal first), a code-level image reply and a campaign news reply with their WeChat-style
// previews, then follows pushed through the simulator in plain and safe mode get the right reply; English too.
const APP_ID = "wx16f0110e2e16f011";
const TOKEN = "followreplies16";
const AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
// A 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const beijingDay = (offsetDays = 0) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + offsetDays * 86_400_000));
const field = (xml: string | undefined, name: string) => (xml ? new RegExp(`<${name}><!\\[CDATA\\[(.*?)\\]\\]></${name}>`).exec(xml)?.[1] : undefined);

let n = 0;
async function follow(callbackUrl: string, scene: string, mode: PushMode) {
  const pushed = await pushEvent({ callbackUrl, token: TOKEN, event: "subscribe", openid: `oFollowReply${String(++n).padStart(4, "0")}`, scene, mode, encodingAesKey: mode === "plain" ? undefined : AES_KEY, appId: APP_ID, simulatorUrl: SIMULATOR_URL, strictReply: true });
  expect(pushed.status).toBe(200);
  expect(pushed.replyError).toBeUndefined(); // addressed, decrypted and checked (media_id known, one article) as WeChat would
  if (mode === "safe") expect(pushed.body).toContain("<Encrypt>");
  return pushed.reply;
}

async function upload(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.getByTestId("media-file").setInputFiles({ name, mimeType, buffer });
  await page.getByTestId("media-upload").click();
}

test("a code's image reply and a campaign's news reply reach followers in plain and safe mode", async ({ page }) => {
  await ensureAdmin(page);
  await page.goto("/settings?new=1");
  await page.getByLabel("名称").fill("关注回复号");
  await page.getByLabel("AppID（开发者ID）").fill(APP_ID);
  await page.getByLabel("AppSecret（开发者密码）").fill("f011f011f011f011f011f011f011f011");
  await page.getByLabel("Token（令牌）").fill(TOKEN);
  await page.getByRole("button", { name: "保存", exact: true }).click();
  const callbackUrl = (await page.getByTestId("callback-url").textContent())!.trim();

  // The image library: a text file is refused here, WeChat's 45001 is shown with what to do, then the upload works.
  const library = page.getByTestId("media-library");
  await upload(page, "notes.png", "image/png", Buffer.from("not really a picture"));
  await expect(page.getByTestId("media-outcome")).toHaveText("只支持 JPG 或 PNG 图片（按文件内容判断，不是扩展名）");
  await controlSimulator(SIMULATOR_URL, { action: "failNext", errcode: 45001, count: 1, path: "/cgi-bin/material/add_material" });
  await upload(page, "poster.png", "image/png", PNG);
  await expect(page.getByTestId("media-outcome")).toContainText("微信返回错误码 45001：文件过大");
  await expect(library.getByTestId("media-item")).toHaveCount(0);
  await upload(page, "poster.png", "image/png", PNG);
  await expect(page.getByTestId("media-outcome")).toHaveText("已上传");
  await expect(library.getByTestId("media-item")).toHaveCount(1);
  const mediaId = (await library.getByTestId("media-item").getAttribute("data-media-id"))!;

  // The code-level image reply, on the promoter page where the codes are listed.
  await createPromoter(page, "图片码");
  const codeReply = page.getByTestId("code-reply").first();
  const imageScene = (await codeReply.getAttribute("data-scene"))!;
  await codeReply.locator("summary").click();
  const codeEditor = page.getByTestId(`follow-reply-code-${imageScene}`);
  await codeEditor.getByLabel("回复类型").selectOption("image");
  await codeEditor.getByLabel("图片", { exact: true }).selectOption({ label: "poster.png" });
  await expect(codeEditor.getByTestId("reply-preview").getByTestId("preview-image")).toHaveAttribute("data-media-id", mediaId);
  await expect(codeEditor.getByTestId("preview-image")).toHaveJSProperty("naturalWidth", 1); // the uploaded picture itself
  await codeEditor.getByRole("button", { name: "保存关注回复" }).click();
  await expect(codeEditor.getByRole("status")).toHaveText("已保存");
  await expect(codeReply.locator("summary")).toContainText("当前：图片");

  // The campaign's news reply, for a promoter's code enrolled in a campaign running today.
  await createPromoter(page, "活动码");
  const newsScene = (await page.getByTestId("code-reply").first().getAttribute("data-scene"))!;
  await page.goto("/campaigns");
  await page.getByLabel("活动名称").fill("关注回复活动");
  await page.getByLabel("结束日期").fill(beijingDay(6));
  await page.getByRole("button", { name: "新建活动" }).click();
  await expect(page.getByRole("heading", { name: "关注回复活动" })).toBeVisible();
  await page.getByTestId("enrol-promoters").selectOption([{ label: "活动码" }]);
  await page.getByTestId("enrol-permanent").click();
  await expect(page.getByTestId("enrol-result")).toHaveText("已登记 1 个二维码");
  const campaignEditor = page.getByTestId("follow-reply-campaign");
  await campaignEditor.getByLabel("回复类型").selectOption("news");
  await campaignEditor.getByLabel("标题").fill("双十二福利");
  await campaignEditor.getByLabel("摘要").fill("关注即领优惠券");
  await campaignEditor.getByLabel("链接 URL").fill("https://example.com/coupon");
  const card = campaignEditor.getByTestId("preview-news");
  await expect(card).toContainText("双十二福利");
  await expect(card).toContainText("关注即领优惠券");
  await expect(card).toHaveAttribute("href", "https://example.com/coupon");
  await campaignEditor.getByRole("button", { name: "保存关注回复" }).click();
  await expect(campaignEditor.getByRole("status")).toHaveText("已保存");

  // Plain mode: each follow gets its own level's reply.
  const image = await follow(callbackUrl, imageScene, "plain");
  expect(field(image, "MsgType")).toBe("image");
  expect(field(image, "MediaId")).toBe(mediaId);
  const news = await follow(callbackUrl, newsScene, "plain");
  expect(field(news, "MsgType")).toBe("news");
  expect(field(news, "Title")).toBe("双十二福利");
  expect(field(news, "Url")).toBe("https://example.com/coupon");

  // Safe mode: the same replies, encrypted; the simulator decrypts and checks them.
  await page.goto("/settings");
  await page.getByLabel("EncodingAESKey（消息加解密密钥）").fill(AES_KEY);
  await page.getByLabel("消息加解密方式").selectOption("safe");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByLabel("消息加解密方式")).toHaveValue("safe");
  await expect.poll(async () => (await pushEvent({ callbackUrl, token: TOKEN, event: "subscribe", openid: "oFollowReplyPlain", scene: imageScene })).status).toBe(401); // safe mode now refuses plaintext
  expect(field(await follow(callbackUrl, imageScene, "safe"), "MediaId")).toBe(mediaId);
  expect(field(await follow(callbackUrl, newsScene, "safe"), "Title")).toBe("双十二福利");

  // English: the same editors and the library's errors.
  await page.getByRole("button", { name: "English" }).first().click();
  await expect(page.getByRole("heading", { name: "Images" })).toBeVisible();
  await upload(page, "notes.png", "image/png", Buffer.from("still not a picture"));
  await expect(page.getByTestId("media-outcome")).toHaveText("Only JPG or PNG images (judged by the file's content, not its extension)");
  await page.getByTestId("media-delete").click();
  await page.getByTestId("media-delete-confirm").click();
  await expect(page.getByTestId("media-outcome")).toHaveText("1 reply uses this image: change that reply first");
  await page.getByRole("link", { name: "Campaigns" }).first().click();
  await page.getByRole("link", { name: "关注回复活动" }).click();
  await expect(page.getByTestId("follow-reply-campaign").getByLabel("Reply type")).toHaveValue("news");
  await expect(page.getByTestId("follow-reply-campaign").getByText("What the follower sees")).toBeVisible();
  await page.getByRole("button", { name: "中文" }).first().click();
  await expect(page.getByTestId("follow-reply-campaign").getByText("粉丝看到的样子")).toBeVisible();
});
