import { beforeEach, describe, expect, it } from "vitest";
import { sealAccountSecrets } from "@/lib/accounts/account-secrets";
import { getAccountSettings } from "@/lib/accounts/get-account-settings";
import { notePreviousKeyUse, previousKeyLastUsed } from "@/lib/accounts/previous-key-use";
import { clearPreviousAesKey } from "@/lib/accounts/save-account";
import { db } from "@/lib/db";
import { drainAttribution } from "@/lib/ingest/attribute/drain-attribution";
import { forgetCallbackCaches } from "@/lib/ingest/forget-callback-caches";
import { openEncryptedReply } from "@/lib/wechat/crypto/open-encrypted-reply";
import { resetDatabase } from "@/test/reset-database";
import { encryptedPushRequest, pushRequest, type EncryptedSpec } from "@/test/wechat-push";
import { captureLog } from "@/lib/log/logger";
import { POST } from "./route";

// Compatible and safe (AES) mode, key rotation and passive welcome replies.
const APP_ID = "wx0123456789abcdef";
const TOKEN = "scenecodetoken";
const KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const OLD_KEY = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";
const ctx = { params: Promise.resolve({ appId: APP_ID }) };
let accountId = "";

const base = { appId: APP_ID, token: TOKEN, encodingAesKey: KEY, event: "subscribe" as const, eventKey: "qrscene_7" };
async function send(request: Request) {
  forgetCallbackCaches(); // the tests change the account behind the callback's cache
  const response = await POST(request, ctx);
  const answer = { status: response.status, text: await response.text() };
  await drainAttribution();
  return answer;
}
const events = () => db().wechatEvent.count();

beforeEach(async () => {
  await resetDatabase();
  const account = await db().account.create({
    data: { name: "安全号", appId: APP_ID, appSecretEnc: "x", mode: "safe", ...sealAccountSecrets({ token: TOKEN, encodingAesKey: KEY, previousEncodingAesKey: OLD_KEY }) },
  });
  accountId = account.id;
  const promoter = await db().promoter.create({ data: { accountId, name: "王五" } });
  await db().qrCode.create({ data: { accountId, promoterId: promoter.id, kind: "QR_SCENE", sceneId: 7, sceneKey: "7", status: "active" } });
});

describe("safe mode", () => {
  it("decrypts, records and answers success", async () => {
    expect(await send(encryptedPushRequest({ ...base, mode: "safe", openid: "s1" }))).toEqual({ status: 200, text: "success" });
    expect(await db().follower.findFirstOrThrow({ where: { openid: "s1" } })).toMatchObject({ source: "qr", status: "following" });
  });

  it("refuses a plaintext push", async () => {
    expect((await send(pushRequest({ appId: APP_ID, token: TOKEN, openid: "s2", event: "subscribe", eventKey: "qrscene_7" }))).status).toBe(401);
    expect(await events()).toBe(0);
  });

  it("accepts the previous key after a rotation, and nothing else", async () => {
    expect((await send(encryptedPushRequest({ ...base, mode: "safe", openid: "s3", encodingAesKey: OLD_KEY }))).text).toBe("success");
    await db().account.update({ where: { id: accountId }, data: { previousEncodingAesKeyEnc: null } });
    expect((await send(encryptedPushRequest({ ...base, mode: "safe", openid: "s4", encodingAesKey: OLD_KEY }))).status).toBe(400);
    expect(await events()).toBe(1);
  });

  const tampered: [string, Partial<EncryptedSpec>][] = [
    ["wrong msg_signature", { msgSignature: "0".repeat(40) }],
    ["tampered ciphertext", { encrypt: "AAAA" + "B".repeat(104) }],
    ["wrong AppID inside", { appId: "wxffffffffffffffff" }],
  ];
  it.each(tampered)("rejects %s and writes nothing", async (_name, override) => {
    const request = encryptedPushRequest({ ...base, mode: "safe", openid: "s5", ...override });
    // A foreign AppID is sealed inside the ciphertext; the push itself still goes to our account's URL.
    const { status } = await send(override.appId ? new Request(request.url.replace(override.appId, APP_ID), { method: "POST", body: await request.text() }) : request);
    expect([400, 401]).toContain(status);
    expect(await events()).toBe(0);
  });
});

describe("decryption failures", () => {
  it("log the reason on the server and answer a generic message", async () => {
    const captured = captureLog();
    try {
      const request = encryptedPushRequest({ ...base, mode: "safe", openid: "s6", appId: "wxffffffffffffffff" });
      const response = await send(new Request(request.url.replace("wxffffffffffffffff", APP_ID), { method: "POST", body: await request.text() }));
      expect(response.status).toBe(400);
      expect(JSON.parse(response.text)).toEqual({ error: { code: "bad_request", message: "Could not decrypt the message" } });
      const line = captured.lines.find((l) => l.msg === "wechat callback: could not decrypt a push");
      expect(line).toMatchObject({ level: 40, appId: "wx0123456789abcdef", reason: expect.stringMatching(/AppID/i), reqId: expect.any(String) });
    } finally {
      captured.restore();
    }
  });
});

describe("compatible mode", () => {
  beforeEach(() => db().account.update({ where: { id: accountId }, data: { mode: "compatible" } }));

  it("uses the authenticated ciphertext, and refuses a plaintext push (WeChat sends none in compatible mode: a query stripped of encrypt_type=aes)", async () => {
    expect((await send(encryptedPushRequest({ ...base, mode: "compatible", openid: "c1" }))).text).toBe("success");
    expect((await send(pushRequest({ appId: APP_ID, token: TOKEN, openid: "c2", event: "subscribe" }))).status).toBe(401);
    expect(await events()).toBe(1);
  });
});

describe("passive welcome replies", () => {
  it("sends the promoter-aware welcome, encrypted in safe mode, after recording the follow", async () => {
    await db().account.update({ where: { id: accountId }, data: { welcomeText: "感谢关注，你是通过 {promoter} 的推荐来的" } });
    const response = await send(encryptedPushRequest({ ...base, mode: "safe", openid: "w1" }));
    expect(response.status).toBe(200);
    const opened = openEncryptedReply({ body: response.text, token: TOKEN, appId: APP_ID, encodingAesKeys: [KEY] });
    expect(opened.replyXml).toContain("<Content><![CDATA[感谢关注，你是通过 王五 的推荐来的]]></Content>");
    expect(opened.replyXml).toContain("<ToUserName><![CDATA[w1]]></ToUserName>");
    expect(await events()).toBe(1);
  });

  it("prefers the promoter's own text, replies in plain XML in plain mode, and skips {promoter} texts for organic follows", async () => {
    await db().account.update({ where: { id: accountId }, data: { mode: "plain", welcomeText: "欢迎 {promoter}" } });
    await db().promoter.updateMany({ data: { welcomeText: "我是王五，欢迎你！" } });
    const viaPromoter = await send(pushRequest({ appId: APP_ID, token: TOKEN, openid: "w2", event: "subscribe", eventKey: "qrscene_7" }));
    expect(viaPromoter.text).toMatch(/^<xml><ToUserName><!\[CDATA\[w2\]\]><\/ToUserName>.*我是王五，欢迎你！/);
    const organic = await send(pushRequest({ appId: APP_ID, token: TOKEN, openid: "w3", event: "subscribe" }));
    expect(organic.text).toBe("success");
  });
});

describe("EncodingAESKey rotation", () => {
  const usedAt = async () => {
    for (let i = 0; i < 50; i++) {
      const at = (await getAccountSettings(accountId, "admin")).secrets?.previousKeyUsedAt;
      if (at) return at;
      await new Promise((r) => setTimeout(r, 20)); // the note is written after the answer, never awaited
    }
    return null;
  };

  it("seals the reply to a push that came with the previous key with that key, and notes when it was used", async () => {
    await db().account.update({ where: { id: accountId }, data: { welcomeText: "欢迎" } });
    expect((await getAccountSettings(accountId, "admin")).secrets?.previousKeyUsedAt).toBeNull();
    const response = await send(encryptedPushRequest({ ...base, mode: "safe", openid: "r1", encodingAesKey: OLD_KEY }));
    expect(response.status).toBe(200);
    // WeChat still uses the old key: it must read the reply with it, and the new key must not open it.
    const opened = openEncryptedReply({ body: response.text, token: TOKEN, appId: APP_ID, encodingAesKeys: [OLD_KEY] });
    expect(opened.replyXml).toContain("<Content><![CDATA[欢迎]]></Content>");
    expect(() => openEncryptedReply({ body: response.text, token: TOKEN, appId: APP_ID, encodingAesKeys: [KEY] })).toThrow();
    const current = await send(encryptedPushRequest({ ...base, mode: "safe", openid: "r2" }));
    expect(openEncryptedReply({ body: current.text, token: TOKEN, appId: APP_ID, encodingAesKeys: [KEY] }).keyIndex).toBe(0);

    const at = await usedAt();
    expect(at).toBeInstanceOf(Date);
    expect(Math.abs(at!.getTime() - Date.now())).toBeLessThan(10_000);
    expect((await getAccountSettings(accountId, "viewer")).secrets).toBeNull(); // viewers learn nothing of the keys
  });

  it("writes the note at most once a minute per account, and forgets it when the previous key is removed", async () => {
    const t = Date.parse("2026-12-01T00:00:00Z");
    await notePreviousKeyUse(accountId, t);
    expect(notePreviousKeyUse(accountId, t + 59_000)).toBeNull(); // no write: the callback's cost stays flat
    expect((await usedAt())?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    await notePreviousKeyUse(accountId, t + 60_000);
    expect((await usedAt())?.toISOString()).toBe("2026-12-01T00:01:00.000Z");
    await clearPreviousAesKey(accountId, { email: "ops@example.com", id: null });
    expect(await previousKeyLastUsed(accountId)).toBeNull();
    expect(notePreviousKeyUse(accountId, t + 61_000)).not.toBeNull(); // a later previous key is noted afresh
  });
});
