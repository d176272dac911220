import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCampaign, updateCampaign } from "@/lib/campaigns/save-campaign";
import { enrolPermanentCodes, removeCampaignCodes } from "@/lib/campaigns/enrol-codes";
import { POST } from "@/app/api/wechat/[appId]/route";
import { sealAccountSecrets } from "@/lib/accounts/account-secrets";
import { authSecret } from "@/lib/auth/auth-secret";
import { sealSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { drainAttribution } from "@/lib/ingest/attribute/drain-attribution";
import { forgetCallbackCaches } from "@/lib/ingest/forget-callback-caches";
import { ImageFileError, uploadImage } from "@/lib/media/upload-image";
import { deleteMediaAsset, listMediaAssets, MediaInUseError } from "@/lib/media/manage-media";
import { dayOf, addDays } from "@/lib/stats/day";
import { checkReplyContent } from "@/lib/wechat/simulator/check-reply-content";
import { readCheckedReply } from "@/lib/wechat/simulator/read-callback-reply";
import { startSimulator, type RunningSimulator } from "@/lib/wechat/simulator/start-simulator";
import { WechatApiError } from "@/lib/wechat/wechat-error";
import { resetDatabase } from "@/test/reset-database";
import { encryptedPushRequest, pushRequest } from "@/test/wechat-push";
import { deleteFollowReply, FollowReplyTargetError, saveFollowReply } from "./save-follow-reply";

// Follow replies per code > campaign > promoter > account, with images uploaded to the simulator as permanent material.
const APP_ID = "wx0123456789follow";
const SECRET = "abcdefabcdefabcdefabcdefabcdef12";
const TOKEN = "followtoken";
const KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const ADD = "/cgi-bin/material/add_material";
const ctx = { params: Promise.resolve({ appId: APP_ID }) };
const actor = { email: "admin@example.com" };
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

let simulator: RunningSimulator;
let accountId = "";
let n = 0;

beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());

beforeEach(async () => {
  await resetDatabase();
  simulator.state.reset();
  process.env.WECHAT_API_BASE = simulator.url;
  resetEnvForTests();
  const account = await db().account.create({
    data: { name: "回复号", appId: APP_ID, appSecretEnc: sealSecret(SECRET, authSecret()), mode: "safe", ...sealAccountSecrets({ token: TOKEN, encodingAesKey: KEY }) },
  });
  accountId = account.id;
});

/** A follow through `scene` as WeChat pushes it (safe mode), read and checked as WeChat would. */
async function follow(scene: string | null, mode: "plain" | "safe" = "safe") {
  const spec = { appId: APP_ID, token: TOKEN, openid: `o_follower${++n}`, event: "subscribe" as const, eventKey: scene ? `qrscene_${scene}` : "" };
  const request = mode === "safe" ? encryptedPushRequest({ ...spec, encodingAesKey: KEY, mode }) : pushRequest(spec);
  const response = await POST(request, ctx);
  const body = await response.text();
  expect(response.status).toBe(200);
  await drainAttribution();
  const read = readCheckedReply(response.status, body, { mode, token: TOKEN, appId: APP_ID, encodingAesKey: KEY, addressed: { openid: spec.openid, accountId: "gh_test" } });
  expect(read.replyError).toBeUndefined();
  if (!read.reply) return null;
  expect(checkReplyContent(read.reply, (id) => simulator.state.hasMaterial(APP_ID, id))).toEqual({ ok: true });
  const field = (name: string) => new RegExp(`<${name}><!\\[CDATA\\[(.*?)\\]\\]></${name}>`).exec(read.reply!)?.[1];
  return { kind: field("MsgType"), content: field("Content"), mediaId: field("MediaId"), title: field("Title") };
}

/** The account switched to plain mode (no EncodingAESKey): pushes and replies travel unencrypted. */
async function usePlainMode() {
  await db().account.update({ where: { id: accountId }, data: { mode: "plain", encodingAesKeyEnc: null } });
  forgetCallbackCaches();
}

async function promoterWithCode(name: string, scene: number) {
  const promoter = await db().promoter.create({ data: { accountId, name } });
  const qr = await db().qrCode.create({ data: { accountId, promoterId: promoter.id, sceneId: scene, sceneKey: String(scene), status: "active" } });
  return { promoter, qr };
}

describe("image library", () => {
  it("uploads a PNG to WeChat as permanent material and keeps it with its media_id", async () => {
    const asset = await uploadImage(accountId, { name: "poster.png", bytes: PNG }, actor);
    expect(asset).toMatchObject({ fileName: "poster.png", size: PNG.length, mimeType: "image/png" });
    expect(simulator.state.hasMaterial(APP_ID, asset.mediaId)).toBe(true);
    expect((await listMediaAssets(accountId)).map((a) => a.mediaId)).toEqual([asset.mediaId]);
    expect(await db().auditLog.count({ where: { action: "media.upload" } })).toBe(1);
  });

  it("refuses a non-image before calling WeChat, and stores nothing when WeChat refuses (40005, 45001, -1)", async () => {
    await expect(uploadImage(accountId, { name: "x.png", bytes: new TextEncoder().encode("GIF89a") }, actor)).rejects.toBeInstanceOf(ImageFileError);
    expect(simulator.state.callCount(ADD)).toBe(0);
    for (const [errcode, count] of [[40005, 1], [45001, 1], [-1, 3]] as const) {
      simulator.state.failNext(errcode, count, ADD);
      const error = await uploadImage(accountId, { name: "p.png", bytes: PNG }, actor).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WechatApiError);
      expect((error as WechatApiError).errcode).toBe(errcode);
      expect((error as WechatApiError).hint.zh).toMatch(/JPG|10 MB|繁忙/);
    }
    expect(await listMediaAssets(accountId)).toEqual([]);
  });

  it("deletes an image on WeChat and here, but not while a reply still sends it", async () => {
    const asset = await uploadImage(accountId, { name: "a.png", bytes: PNG }, actor);
    await saveFollowReply(accountId, { scope: "account", scopeId: accountId }, { kind: "image", mediaId: asset.mediaId }, actor);
    await expect(deleteMediaAsset(accountId, asset.id, actor)).rejects.toBeInstanceOf(MediaInUseError);
    await deleteFollowReply(accountId, { scope: "account", scopeId: accountId }, actor);
    expect(await deleteMediaAsset(accountId, asset.id, actor)).toBe(true);
    expect(simulator.state.hasMaterial(APP_ID, asset.mediaId)).toBe(false);
    expect(await listMediaAssets(accountId)).toEqual([]);
  });
});

describe("follow replies", () => {
  it("stores one reply per scope, refuses another account's target and bad input, changing nothing", async () => {
    const { promoter } = await promoterWithCode("小李", 7);
    await saveFollowReply(accountId, { scope: "promoter", scopeId: promoter.id }, { kind: "text", content: "欢迎，{promoter} 推荐" }, actor);
    await saveFollowReply(accountId, { scope: "promoter", scopeId: promoter.id }, { kind: "news", title: "新品", url: "https://example.com/n", content: "dropped" }, actor);
    expect(await db().followReply.findMany({ select: { scope: true, kind: true, content: true, title: true } })).toEqual([{ scope: "promoter", kind: "news", content: null, title: "新品" }]);
    const other = await db().account.create({ data: { name: "别的号", appId: "wx0123456789other0", appSecretEnc: "x", tokenEnc: "x" } });
    await expect(saveFollowReply(other.id, { scope: "promoter", scopeId: promoter.id }, { kind: "text", content: "x" }, actor)).rejects.toBeInstanceOf(FollowReplyTargetError);
    await expect(saveFollowReply(accountId, { scope: "account", scopeId: accountId }, { kind: "news", title: "t", url: "javascript:1" }, actor)).rejects.toThrow(/urlInvalid/);
    await expect(saveFollowReply(accountId, { scope: "account", scopeId: accountId }, { kind: "image", mediaId: "" }, actor)).rejects.toThrow(/mediaIdInvalid/);
    expect(await db().followReply.count()).toBe(1);
  });

  it("answers each follow with code > campaign (on its days) > promoter > account, in safe and plain mode", async () => {
    const image = await uploadImage(accountId, { name: "code.png", bytes: PNG }, actor);
    const { promoter, qr } = await promoterWithCode("小李", 11);
    const other = await promoterWithCode("小王", 12);
    const today = dayOf(new Date(), "Asia/Shanghai");
    const campaign = await db().campaign.create({ data: { accountId, name: "双十二", startDay: addDays(today, -1), endDay: addDays(today, 1) } });
    const past = await db().campaign.create({ data: { accountId, name: "上个月", startDay: addDays(today, -40), endDay: addDays(today, -30) } });
    await db().campaignCode.createMany({ data: [{ campaignId: campaign.id, qrCodeId: other.qr.id }, { campaignId: past.id, qrCodeId: qr.id }] });
    await saveFollowReply(accountId, { scope: "account", scopeId: accountId }, { kind: "text", content: "欢迎关注" }, actor);
    await saveFollowReply(accountId, { scope: "promoter", scopeId: promoter.id }, { kind: "text", content: "{promoter} 邀请你" }, actor);
    await saveFollowReply(accountId, { scope: "promoter", scopeId: other.promoter.id }, { kind: "text", content: "小王的欢迎语" }, actor);
    await saveFollowReply(accountId, { scope: "campaign", scopeId: past.id }, { kind: "text", content: "过期活动" }, actor);
    await saveFollowReply(accountId, { scope: "campaign", scopeId: campaign.id }, { kind: "news", title: "双十二大促", description: "点开看看", url: "https://example.com/1212" }, actor);

    expect(await follow(null)).toMatchObject({ kind: "text", content: "欢迎关注" });
    expect(await follow("11")).toMatchObject({ kind: "text", content: "小李 邀请你" }); // its campaign is over
    expect(await follow("12")).toMatchObject({ kind: "news", title: "双十二大促" });
    await saveFollowReply(accountId, { scope: "code", scopeId: qr.id }, { kind: "image", mediaId: image.mediaId }, actor);
    expect(await follow("11")).toMatchObject({ kind: "image", mediaId: image.mediaId }); // seen at once: caches forgotten
    await usePlainMode();
    expect(await follow("11", "plain")).toMatchObject({ kind: "image", mediaId: image.mediaId });
    expect(await follow("12", "plain")).toMatchObject({ kind: "news", title: "双十二大促" });
    await deleteFollowReply(accountId, { scope: "campaign", scopeId: campaign.id }, actor);
    expect(await follow("12", "plain")).toMatchObject({ kind: "text", content: "小王的欢迎语" });
  });

  it("follows a campaign's window and enrolment as soon as they are saved (no stale scene cache)", async () => {
    const { promoter } = await promoterWithCode("小赵", 21);
    const today = dayOf(new Date(), "Asia/Shanghai");
    const campaign = await createCampaign(accountId, { name: "年货节", startDay: addDays(today, 1), endDay: addDays(today, 5) }, actor);
    await saveFollowReply(accountId, { scope: "account", scopeId: accountId }, { kind: "text", content: "欢迎关注" }, actor);
    await saveFollowReply(accountId, { scope: "campaign", scopeId: campaign.id }, { kind: "text", content: "年货节欢迎你" }, actor);
    expect(await follow("21")).toMatchObject({ content: "欢迎关注" }); // not enrolled
    await enrolPermanentCodes(accountId, campaign.id, { promoterIds: [promoter.id] }, actor);
    expect(await follow("21")).toMatchObject({ content: "欢迎关注" }); // enrolled, but the campaign starts tomorrow
    await updateCampaign(accountId, campaign.id, { name: "年货节", startDay: today, endDay: addDays(today, 5) }, actor);
    expect(await follow("21")).toMatchObject({ content: "年货节欢迎你" }); // its window now holds today
    const [code] = await db().campaignCode.findMany({ where: { campaignId: campaign.id }, select: { qrCodeId: true } });
    await removeCampaignCodes(accountId, campaign.id, [code.qrCodeId], actor);
    expect(await follow("21")).toMatchObject({ content: "欢迎关注" });
  });

  it("answers success with no reply anywhere, and an image whose material is gone fails WeChat's check", async () => {
    expect(await follow("99")).toBeNull();
    await saveFollowReply(accountId, { scope: "account", scopeId: accountId }, { kind: "image", mediaId: "MEDIA_never_uploaded" }, actor);
    const spec = { appId: APP_ID, token: TOKEN, openid: "o_gone", event: "subscribe" as const };
    const response = await POST(encryptedPushRequest({ ...spec, encodingAesKey: KEY, mode: "safe" }), ctx);
    const read = readCheckedReply(response.status, await response.text(), { mode: "safe", token: TOKEN, appId: APP_ID, encodingAesKey: KEY });
    expect(checkReplyContent(read.reply!, (id) => simulator.state.hasMaterial(APP_ID, id))).toMatchObject({ ok: false });
  });
});
