import { beforeEach, describe, expect, it } from "vitest";
import { sealAccountSecrets } from "@/lib/accounts/account-secrets";
import { db } from "@/lib/db";
import { drainAttribution } from "@/lib/ingest/attribute/drain-attribution";
import { forgetCallbackCaches } from "@/lib/ingest/forget-callback-caches";
import { flushCallbackCounters } from "@/lib/health/flush-callback-counters";
import { getCallbackHealth } from "@/lib/health/get-callback-health";
import { openEncryptedReply } from "@/lib/wechat/crypto/open-encrypted-reply";
import { buildCorpusXml, CORPUS_NAMES, PUSH_CORPUS, type CorpusEntry } from "@/lib/wechat/simulator/push-corpus";
import { resetDatabase } from "@/test/reset-database";
import { encryptedPushRequest, pushRequest } from "@/test/wechat-push";
import { POST } from "./route";

// Every push WeChat documents, through the real route handler in each mode: answered "success" (or the
// welcome reply to a follow), the tracked events stored and attributed, the rest acknowledged unstored.
const APP_ID = "wx0c0r0p0u0s0a0b0c";
const TOKEN = "corpustoken";
const KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const ctx = { params: Promise.resolve({ appId: APP_ID }) };
const now = () => Math.floor(Date.now() / 1000);
const MODES = ["plain", "compatible", "safe"] as const;
let accountId = "";
let promoterId = "";

beforeEach(async () => {
  await resetDatabase();
  forgetCallbackCaches();
  const account = await db().account.create({ data: { name: "语料号", appId: APP_ID, appSecretEnc: "x", welcomeText: "欢迎关注", ...sealAccountSecrets({ token: TOKEN, encodingAesKey: KEY }) } });
  accountId = account.id;
  promoterId = (await db().promoter.create({ data: { accountId, name: "Alice" } })).id;
  await db().qrCode.create({ data: { accountId, promoterId, sceneId: 12, sceneKey: "12", status: "active" } });
});

async function pushCorpus(mode: (typeof MODES)[number], name: (typeof CORPUS_NAMES)[number], openid: string) {
  const xml = buildCorpusXml(name, { openid, createTime: now(), toUserName: "gh_test", scene: "12" }, "TICKET");
  const spec = { appId: APP_ID, token: TOKEN, openid, event: "SCAN" as const };
  const request = mode === "plain" ? pushRequest(spec, xml) : encryptedPushRequest({ ...spec, encodingAesKey: KEY, mode }, xml);
  const response = await POST(request, ctx);
  return { status: response.status, text: await response.text() };
}

describe.each(MODES)("the documented push corpus in %s mode", (mode) => {
  beforeEach(() => db().account.update({ where: { id: accountId }, data: { mode } }));

  it("answers every push, stores and attributes the tracked ones, and counts the rest by type", async () => {
    const openid = (name: string) => `o-${mode}-${name.replaceAll("_", "-")}`;
    for (const name of CORPUS_NAMES) {
      const answer = await pushCorpus(mode, name, openid(name));
      const entry: CorpusEntry = PUSH_CORPUS[name];
      expect(answer.status, `${name}: ${answer.text}`).toBe(200);
      if (entry.tracked !== "subscribe") {
        expect(answer.text, name).toBe("success");
        continue;
      }
      // The follow gets the welcome reply, encrypted in compatible and safe mode.
      const reply = mode === "plain" ? answer.text : openEncryptedReply({ body: answer.text, token: TOKEN, appId: APP_ID, encodingAesKeys: [KEY] }).replyXml;
      expect(reply).toContain(`<ToUserName><![CDATA[${openid(name)}]]></ToUserName>`);
      expect(reply).toContain("<Content><![CDATA[欢迎关注]]></Content>");
    }
    await drainAttribution();
    const stored = await db().wechatEvent.findMany({ where: { accountId }, select: { event: true, fromUser: true }, orderBy: { event: "asc" } });
    expect(stored).toEqual([
      { event: "SCAN", fromUser: openid("SCAN") },
      { event: "subscribe", fromUser: openid("subscribe") },
      { event: "unsubscribe", fromUser: openid("unsubscribe") },
    ]);
    const stats = await db().promoterDailyStat.aggregate({ where: { promoterId }, _sum: { newFollowers: true, scans: true } });
    expect(stats._sum).toEqual({ newFollowers: 1, scans: 1 });
    await flushCallbackCounters(); // the health card reads what every instance flushed
    const counted = new Map((await getCallbackHealth(accountId)).untracked24h.map((u) => [u.type, u.count]));
    for (const name of CORPUS_NAMES) {
      const entry: CorpusEntry = PUSH_CORPUS[name];
      if (!entry.tracked) expect(counted.get(entry.msgType === "event" ? name : entry.msgType), name).toBeGreaterThanOrEqual(1);
    }
  });
});
