import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/wechat/[appId]/route";
import { sealAccountSecrets } from "@/lib/accounts/account-secrets";
import { db } from "@/lib/db";
import { addReplyRule } from "@/lib/replies/save-reply-rule";
import { findSelfServicePromoter } from "@/lib/self-service/find-self-service-promoter";
import { getSelfServicePage } from "@/lib/self-service/get-self-service-page";
import { rotateSelfServiceLink } from "@/lib/self-service/manage-self-service-link";
import { dayOf } from "@/lib/stats/day";
import { openEncryptedReply } from "@/lib/wechat/crypto/open-encrypted-reply";
import { resetDatabase } from "@/test/reset-database";
import { createTestAccount, simulatorForTests } from "@/test/simulator";
import { encryptedPushRequest, pushRequest } from "@/test/wechat-push";
import { ApplicationNotPendingError, approveApplication, rejectApplication, resendApplicationLink } from "./decide-application";
import { listApplications } from "./list-applications";
import { releaseStaleApprovals, settledAutoApprovals, STALE_APPROVAL_MS } from "./run-auto-approvals";
import { getEnrolSettings, saveEnrolSettings } from "./save-enrol-settings";

// 推广 and 我的数据 through the real callback route, with the simulator standing in for WeChat.
const APP_ID = "wx0123456789enrol0";
const TOKEN = "enroltoken";
const KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const ORIGIN = "https://sc.example.com";
const ctx = { params: Promise.resolve({ appId: APP_ID }) };
const actor = { email: "admin@example.com" };
const sim = simulatorForTests();
let accountId = "";

const textXml = (openid: string, content: string) =>
  `<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[${openid}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime>` +
  `<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${Math.floor(Math.random() * 1e15)}</MsgId></xml>`;
const field = (xml: string, name: string) => new RegExp(`<${name}><!\\[CDATA\\[([\\s\\S]*?)\\]\\]></${name}>`).exec(xml)?.[1];
/** A follower writes to the account: the simulator learns of it (48-hour window), the callback answers. */
async function say(openid: string, content: string) {
  sim.current.state.customMessages.noteInteraction(APP_ID, openid);
  return (await POST(pushRequest({ appId: APP_ID, token: TOKEN, openid, event: "subscribe" }, textXml(openid, content)), ctx)).text();
}
const reply = async (openid: string, content: string) => field(await say(openid, content), "Content");
const tokenOf = (text: string) => /\/p\/([^\s/]+)/.exec(text)?.[1] ?? "";
const settings = (extra: Record<string, string> = {}) => saveEnrolSettings(accountId, { enrolOn: "on", enrolKeyword: "推广", statsOn: "on", statsKeyword: "我的数据", autoApproveDailyLimit: "20", ...extra }, ORIGIN, actor);
const sentTo = (openid: string) => sim.current.state.customMessages.sent.filter((m) => m.touser === openid);

beforeEach(async () => {
  await resetDatabase();
  sim.use();
  sim.current.state.customMessages.clear();
  accountId = (await createTestAccount(APP_ID, { token: TOKEN })).id;
});

describe("enrol settings", () => {
  it("are off until saved, refuse bad input and change nothing, and are audited", async () => {
    expect(await getEnrolSettings(accountId)).toMatchObject({ enrolKeyword: null, statsKeyword: null });
    expect(await say("o_x", "推广")).toBe("success"); // no keyword and no rule: the fast "success"
    await expect(settings({ statsKeyword: "推广" })).rejects.toThrow(/keywordsSame/);
    await expect(settings({ enrolKeyword: "推 广" })).rejects.toThrow(/keywordSpaces/);
    await expect(settings({ autoApproveDailyLimit: "0" })).rejects.toThrow(/limitInvalid/);
    expect(await db().enrolSetting.count()).toBe(0);
    await settings({ autoApprove: "on", autoApproveDailyLimit: "5", receivedText: "收到啦" });
    expect(await getEnrolSettings(accountId)).toMatchObject({ enrolKeyword: "推广", statsKeyword: "我的数据", autoApprove: true, autoApproveDailyLimit: 5, receivedText: "收到啦", linkOrigin: ORIGIN });
    await saveEnrolSettings(accountId, { enrolKeyword: "推广", statsKeyword: "我的数据" }, ORIGIN, actor); // both switches off
    expect(await getEnrolSettings(accountId)).toMatchObject({ enrolKeyword: null, statsKeyword: null });
    expect(await db().auditLog.count({ where: { action: "account.enrol" } })).toBe(2);
  });
});

describe("a follower becomes a promoter through the account", () => {
  it("applies with the keyword (before a keyword rule), is approved, gets the link as a custom message, and it opens the page", async () => {
    await addReplyRule(accountId, { trigger: "exact", keyword: "推广", kind: "text", content: "rule" }, actor);
    await settings();
    expect(await reply("o_zhang", "推广 张三")).toContain("已收到你的推广者申请");
    expect(await reply("o_zhang", "推广")).toContain("正在审核中"); // one pending application per follower
    expect(await reply("o_other", "推广活动")).toBeUndefined(); // not the keyword, no rule matches: "success"
    const { pending } = await listApplications(accountId);
    expect(pending.map((a) => [a.name, a.openid, a.status])).toEqual([["张三", "o_zhang", "pending"]]);

    const approval = await approveApplication(accountId, pending[0].id, { name: "张三（东区）" }, actor);
    expect(approval.qr).toEqual({ ok: true });
    expect(approval.delivery).toEqual({ ok: true });
    await expect(approveApplication(accountId, pending[0].id, {}, actor)).rejects.toBeInstanceOf(ApplicationNotPendingError);
    const promoter = await db().promoter.findUniqueOrThrow({ where: { id: approval.promoterId }, include: { qrCodes: true } });
    expect(promoter).toMatchObject({ name: "张三（东区）", openid: "o_zhang", selfServiceEnabled: true });
    expect(promoter.qrCodes[0]).toMatchObject({ status: "active" });
    const [message] = sentTo("o_zhang");
    expect(message.content).toContain("你已成为推广者「张三（东区）」");
    expect(message.content).toContain(`${ORIGIN}/p/`);
    expect(message.content).toContain("发送「我的数据」");
    const permanent = tokenOf(message.content!);
    expect((await getSelfServicePage(permanent))?.promoterName).toBe("张三（东区）");
    expect((await listApplications(accountId)).history[0]).toMatchObject({ status: "approved", decidedBy: actor.email, promoterId: promoter.id });
    expect(await db().auditLog.count({ where: { action: "application.approve", targetId: promoter.id } })).toBe(1);

    // Already a promoter: the keyword answers with a fresh 24-hour link to the same page.
    const again = (await reply("o_zhang", "推广"))!;
    expect(again).toContain("你已经是推广者「张三（东区）」");
    const signed = tokenOf(again);
    expect(signed).toMatch(/^s1\./);
    expect((await getSelfServicePage(signed))?.promoterName).toBe("张三（东区）");
    await rotateSelfServiceLink(accountId, promoter.id, actor);
    expect(await findSelfServicePromoter(signed)).toBeNull(); // rotating ends the signed links too
  });

  it("answers 我的数据 with today's and this month's new followers, the rank and a link", async () => {
    await settings();
    const tz = "Asia/Shanghai";
    const today = dayOf(new Date(), tz);
    const me = await db().promoter.create({ data: { accountId, name: "李四", openid: "o_li" } });
    const rival = await db().promoter.create({ data: { accountId, name: "王五" } });
    await db().promoter.create({ data: { accountId, name: "赵六" } });
    await db().promoterDailyStat.create({ data: { accountId, promoterId: me.id, day: today, newFollowers: 3 } });
    if (!today.endsWith("-01")) await db().promoterDailyStat.create({ data: { accountId, promoterId: me.id, day: `${today.slice(0, 8)}01`, newFollowers: 4 } });
    await db().promoterDailyStat.create({ data: { accountId, promoterId: rival.id, day: today, newFollowers: 50 } });
    const month = today.endsWith("-01") ? 3 : 7;
    const text = (await reply("o_li", "我的数据"))!;
    expect(text).toMatch(new RegExp(`^李四：今日 3 新关注，本月 ${month}，排名 第 2 / 3，专属页面（24 小时内有效）：${ORIGIN}/p/s1\\.`));
    expect((await getSelfServicePage(tokenOf(text)))?.promoterName).toBe("李四");
    expect(await reply("o_stranger", "我的数据")).toBe("你还不是推广者。发送「推广」即可申请成为推广者。");
    await settings({ enrolOn: "" });
    expect(await say("o_stranger", "我的数据")).toBe("success"); // enrol off: a stranger gets nothing
    await db().promoter.update({ where: { id: me.id }, data: { active: false } });
    expect(await reply("o_li", "我的数据")).toContain("已停用");
  });

  it("answers in safe mode with a reply sealed with the push's key", async () => {
    await db().account.update({ where: { id: accountId }, data: { mode: "safe", ...sealAccountSecrets({ token: TOKEN, encodingAesKey: KEY }) } });
    await settings();
    const push = encryptedPushRequest({ appId: APP_ID, token: TOKEN, encodingAesKey: KEY, openid: "o_safe", event: "subscribe", mode: "safe" }, textXml("o_safe", "推广"));
    const body = await (await POST(push, ctx)).text();
    expect(body).toContain("<Encrypt>");
    const xml = openEncryptedReply({ body, token: TOKEN, appId: APP_ID, encodingAesKeys: [KEY] }).replyXml;
    expect([field(xml, "ToUserName"), field(xml, "MsgType")]).toEqual(["o_safe", "text"]);
    expect(field(xml, "Content")).toContain("已收到你的推广者申请");
    expect(await db().promoterApplication.count({ where: { accountId, openid: "o_safe", status: "pending" } })).toBe(1);
  });

  it("approves automatically within the daily limit, in the background, and leaves the rest for the admin", async () => {
    await settings({ autoApprove: "on", autoApproveDailyLimit: "1" });
    expect(await reply("o_first", "推广")).toContain("申请已通过");
    expect(await reply("o_second", "推广")).toContain("已收到你的推广者申请"); // over the limit: waits for the admin
    await settledAutoApprovals();
    const first = await db().promoter.findFirstOrThrow({ where: { accountId, openid: "o_first" } });
    expect(first.name).toBe("微信用户_first");
    expect(sentTo("o_first")[0].content).toContain(`${ORIGIN}/p/`);
    expect(await db().promoter.count({ where: { accountId, openid: "o_second" } })).toBe(0);
    const { pending, history } = await listApplications(accountId);
    expect(pending.map((a) => [a.openid, a.auto])).toEqual([["o_second", false]]);
    expect(history.map((a) => [a.openid, a.auto, a.decidedBy])).toEqual([["o_first", true, "system:auto-approve"]]);
    expect(await db().auditLog.count({ where: { action: "application.auto-approve" } })).toBe(1);
  });

  it("records a refused custom message with what to do, and sends a fresh link on resend", async () => {
    await settings();
    await say("o_late", "推广");
    sim.current.state.customMessages.clear(); // the follower's last message is now outside the 48-hour window
    const [application] = (await listApplications(accountId)).pending;
    const approval = await approveApplication(accountId, application.id, {}, actor);
    expect(approval.delivery).toMatchObject({ ok: false, errcode: 45015 });
    const [row] = (await listApplications(accountId)).history;
    expect(row).toMatchObject({ status: "approved", sendErrcode: 45015, sentAt: null });
    expect(row.sendHint?.zh).toContain("48 小时");
    sim.current.state.failNext(45047, 1, "/cgi-bin/message/custom/send");
    sim.current.state.customMessages.noteInteraction(APP_ID, "o_late");
    expect(await resendApplicationLink(accountId, application.id, actor)).toMatchObject({ ok: false, errcode: 45047 });
    expect(await resendApplicationLink(accountId, application.id, actor)).toEqual({ ok: true });
    const [message] = sentTo("o_late");
    expect(tokenOf(message.content!)).toMatch(/^s1\./); // the permanent link cannot be shown again: a 24-hour one
    expect((await findSelfServicePromoter(tokenOf(message.content!)))?.id).toBe(approval.promoterId);
    expect((await listApplications(accountId)).history[0]).toMatchObject({ sendErrcode: null, sendHint: null });
  });

  it("rejects once; the follower may apply again; approvals race to one promoter", async () => {
    await settings();
    await say("o_wang", "推广");
    const [first] = (await listApplications(accountId)).pending;
    await rejectApplication(accountId, first.id, actor);
    await expect(rejectApplication(accountId, first.id, actor)).rejects.toBeInstanceOf(ApplicationNotPendingError);
    await expect(rejectApplication("other-account", first.id, actor)).rejects.toBeInstanceOf(ApplicationNotPendingError);
    expect(await reply("o_wang", "推广")).toContain("已收到你的推广者申请");
    const [second] = (await listApplications(accountId)).pending;
    await expect(approveApplication(accountId, second.id, { name: " " }, actor)).rejects.toThrow(/nameRequired/);
    expect((await db().promoterApplication.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("pending"); // nothing changed
    const results = await Promise.allSettled([1, 2, 3].map(() => approveApplication(accountId, second.id, {}, actor)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().promoter.count({ where: { accountId, openid: "o_wang" } })).toBe(1);
    expect(await db().auditLog.count({ where: { action: "application.reject" } })).toBe(1);
  });
});

describe("an approval interrupted by a crash", () => {
  it("is pending again after a while, and approving it then reuses the promoter it had created", async () => {
    await settings();
    await say("o_crash", "推广");
    const [application] = (await listApplications(accountId)).pending;
    const approval = await approveApplication(accountId, application.id, {}, actor);
    // As if the process died after creating the promoter, before recording the decision.
    await db().promoterApplication.update({ where: { id: application.id }, data: { status: "approving", pendingKey: "o_crash", decidedAt: new Date(Date.now() - STALE_APPROVAL_MS - 1000) } });
    expect(await releaseStaleApprovals(new Date(Date.now() - 60_000 - STALE_APPROVAL_MS))).toBe(0); // not yet stale then
    expect(await releaseStaleApprovals()).toBe(1);
    const again = await approveApplication(accountId, application.id, {}, actor);
    expect(again.promoterId).toBe(approval.promoterId);
    expect(await db().promoter.count({ where: { accountId } })).toBe(1);
  });
});
