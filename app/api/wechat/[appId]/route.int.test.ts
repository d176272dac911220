import { beforeEach, describe, expect, it } from "vitest";
import { openSqlite } from "@/lib/db/open-sqlite";
import { sealAccountSecrets } from "@/lib/accounts/account-secrets";
import { db } from "@/lib/db";
import { drainAttribution } from "@/lib/ingest/attribute/drain-attribution";
import { env } from "@/lib/env";
import { inboxFile } from "@/lib/ingest/pipeline-db/sqlite-inbox";
import { captureLog } from "@/lib/log/logger";
import { resetDatabase } from "@/test/reset-database";
import { eventXml, pushRequest, signedUrl, type PushSpec } from "@/test/wechat-push";
import { GET, POST } from "./route";

const APP_ID = "wx0123456789abcdef";
const TOKEN = "scenecodetoken";
const ctx = { params: Promise.resolve({ appId: APP_ID }) };
let accountId = "";
let alice = "";

async function push(spec: Partial<PushSpec> & Pick<PushSpec, "openid" | "event">, body?: string) {
  const response = await POST(pushRequest({ appId: APP_ID, token: TOKEN, ...spec }, body), ctx);
  return { status: response.status, text: await response.text() };
}

async function totals() {
  await drainAttribution(); // the callback answered once the event was stored; attribution follows
  const [promoter, account, events] = await Promise.all([
    db().promoterDailyStat.aggregate({ where: { promoterId: alice }, _sum: { newFollowers: true, refollows: true, unfollows: true, scans: true } }),
    db().accountDailyStat.aggregate({ where: { accountId }, _sum: { newFollowers: true, organic: true, unattributed: true, unfollows: true, scans: true } }),
    db().wechatEvent.count(),
  ]);
  return { promoter: promoter._sum, account: account._sum, events };
}

beforeEach(async () => {
  await resetDatabase();
  const account = await db().account.create({ data: { name: "测试号", appId: APP_ID, appSecretEnc: "x", ...sealAccountSecrets({ token: TOKEN }) } });
  accountId = account.id;
  const promoter = await db().promoter.create({ data: { accountId, name: "Alice" } });
  alice = promoter.id;
  await db().qrCode.create({ data: { accountId, promoterId: alice, sceneId: 12, sceneKey: "12", status: "active" } });
});

describe("GET /api/wechat/[appId] (URL check)", () => {
  it("echoes echostr only for a valid signature", async () => {
    const ok = await GET(new Request(signedUrl(APP_ID, TOKEN, { echostr: "hello123" })), ctx);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("hello123");
    const forged = new URL(signedUrl(APP_ID, TOKEN, { echostr: "hello123" }));
    forged.searchParams.set("signature", "0".repeat(40));
    expect((await GET(new Request(forged), ctx)).status).toBe(401);
  });

  it("echoes only a short run of letters or digits, as text/plain; refuses markup with 400", async () => {
    const xhtml = '<xml><html xmlns="http://www.w3.org/1999/xhtml"><script>alert(document.cookie)</script></html></xml>';
    for (const echostr of [xhtml, "<xml>1</xml>", "echo-me", ""]) {
      const response = await GET(new Request(signedUrl(APP_ID, TOKEN, { echostr })), ctx);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      if (echostr) expect(await response.text()).not.toContain(echostr);
    }
    expect((await GET(new Request(signedUrl(APP_ID, TOKEN)), ctx)).status).toBe(400); // no echostr at all
    const ok = await GET(new Request(signedUrl(APP_ID, TOKEN, { echostr: "5837397749612347201" })), ctx);
    expect(ok.headers.get("content-type")).toMatch(/^text\/plain/);
  });

  it("answers an unknown AppID exactly like a bad signature", async () => {
    const unknown = await GET(new Request(signedUrl("wxffffffffffffffff", TOKEN, { echostr: "abc" })), { params: Promise.resolve({ appId: "wxffffffffffffffff" }) });
    const forged = new URL(signedUrl(APP_ID, TOKEN, { echostr: "abc" }));
    forged.searchParams.set("signature", "0".repeat(40));
    const bad = await GET(new Request(forged), ctx);
    expect(unknown.status).toBe(401);
    expect([unknown.status, await unknown.text()]).toEqual([bad.status, await bad.text()]);
  });
});

describe("POST /api/wechat/[appId] (event pushes)", () => {
  it("credits a subscribe through a promoter's code, replying success after commit", async () => {
    expect(await push({ openid: "o1", event: "subscribe", eventKey: "qrscene_12" })).toEqual({ status: 200, text: "success" });
    const t = await totals();
    expect(t.promoter.newFollowers).toBe(1);
    expect(t.account.newFollowers).toBe(1);
    const follower = await db().follower.findFirstOrThrow({ where: { openid: "o1" } });
    expect(follower).toMatchObject({ promoterId: alice, source: "qr", status: "following" });
  });

  it("counts an event delivered 4 times once", async () => {
    const createTime = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 4; i++) expect((await push({ openid: "o2", event: "subscribe", eventKey: "qrscene_12", createTime })).text).toBe("success");
    const t = await totals();
    expect(t.promoter.newFollowers).toBe(1);
    expect(t.events).toBe(1);
  });

  it("counts concurrent copies once, and every copy gets success", async () => {
    const createTime = Math.floor(Date.now() / 1000);
    const results = await Promise.all(Array.from({ length: 5 }, () => push({ openid: "o3", event: "subscribe", eventKey: "qrscene_12", createTime })));
    expect(results.every((r) => r.text === "success")).toBe(true);
    expect((await totals()).promoter.newFollowers).toBe(1);
  });

  it("counts many different followers arriving at once exactly", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => push({ openid: `many-${i}`, event: "subscribe", eventKey: "qrscene_12" })));
    expect(results.every((r) => r.text === "success")).toBe(true);
    expect((await totals()).promoter.newFollowers).toBe(30);
  });

  it("subscribe then unsubscribe leaves the promoter at net 0", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await push({ openid: "o4", event: "subscribe", eventKey: "qrscene_12", createTime: now - 10 })).text).toBe("success");
    expect((await push({ openid: "o4", event: "unsubscribe", createTime: now })).text).toBe("success");
    const t = await totals();
    expect(t.promoter.newFollowers! - t.promoter.unfollows!).toBe(0);
    expect((await db().follower.findFirstOrThrow({ where: { openid: "o4" } })).status).toBe("unfollowed");
  });

  it("attributes events out of order inside the CreateTime window: an unfollow arriving before its follow", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await push({ openid: "o4b", event: "unsubscribe", createTime: now - 60 })).text).toBe("success");
    expect((await push({ openid: "o4b", event: "subscribe", eventKey: "qrscene_12", createTime: now - 240 })).text).toBe("success");
    const t = await totals();
    expect([t.promoter.newFollowers, t.promoter.unfollows]).toEqual([1, 1]);
    expect((await db().follower.findFirstOrThrow({ where: { openid: "o4b" } })).status).toBe("unfollowed");
  });

  it("records an unknown scene as unattributed with its scene value", async () => {
    expect((await push({ openid: "o5", event: "subscribe", eventKey: "qrscene_777" })).text).toBe("success");
    await drainAttribution();
    const ledger = await db().attribution.findFirstOrThrow({ where: { sceneKey: "777" } });
    expect(ledger).toMatchObject({ kind: "unknown_scene", promoterId: null });
    expect((await totals()).account.unattributed).toBe(1);
  });

  it("counts SCAN as a scan and organic follows as organic", async () => {
    expect((await push({ openid: "o6", event: "SCAN", eventKey: "12" })).text).toBe("success");
    expect((await push({ openid: "o7", event: "subscribe" })).text).toBe("success");
    const t = await totals();
    expect(t.promoter.scans).toBe(1);
    expect(t.account.organic).toBe(1);
  });

  it("acknowledges messages it does not track without storing them", async () => {
    const text = `<xml><ToUserName><![CDATA[gh]]></ToUserName><FromUserName><![CDATA[o8]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content></xml>`;
    expect((await push({ openid: "o8", event: "subscribe" }, text)).text).toBe("success");
    expect((await totals()).events).toBe(0);
  });

  describe("bad input changes nothing", () => {
    it("forged signature → 401", async () => {
      expect((await push({ openid: "x1", event: "subscribe", eventKey: "qrscene_12", signature: "f".repeat(40) })).status).toBe(401);
      expect((await totals()).events).toBe(0);
    });

    it("stale or future timestamp → 401", async () => {
      // Each timestamp is taken just before its push and 330 s off, so a slow first push cannot carry
      // the second one back inside the 300 s window (a second boundary made CI flaky with 301).
      const now = () => Math.floor(Date.now() / 1000);
      expect((await push({ openid: "x2", event: "subscribe", timestamp: now() - 330 })).status).toBe(401);
      expect((await push({ openid: "x2", event: "subscribe", timestamp: now() + 330 })).status).toBe(401);
      expect((await totals()).events).toBe(0);
    });

    it("a CreateTime far from the signed timestamp (an old event's body under a fresh query) → 401", async () => {
      const now = () => Math.floor(Date.now() / 1000);
      for (const createTime of [now() - 3600, now() - 400, now() + 400, 1]) {
        expect((await push({ openid: "x9", event: "subscribe", eventKey: "qrscene_12", createTime })).status).toBe(401);
      }
      // Plain mode's query signs no body: the timestamp alone is signed, and CreateTime must agree with it.
      const signedEarlier = now() - 200;
      expect((await push({ openid: "x9", event: "subscribe", eventKey: "qrscene_12", timestamp: signedEarlier, createTime: now() })).status).toBe(200);
      expect((await push({ openid: "x10", event: "subscribe", eventKey: "qrscene_12", timestamp: signedEarlier + 100, createTime: signedEarlier - 250 })).status).toBe(401);
      const t = await totals();
      expect(t.events).toBe(1);
      expect(t.promoter.newFollowers).toBe(1);
    });

    it("malformed XML → 400", async () => {
      for (const body of ["<xml><FromUserName>o</xml>", "not xml", "<xml></xml><xml></xml>", '<!DOCTYPE x [<!ENTITY a "b">]><xml>&a;</xml>']) {
        expect((await push({ openid: "x3", event: "subscribe" }, body)).status).toBe(400);
      }
      expect((await totals()).events).toBe(0);
    });

    it("body over 64 KiB → 413", async () => {
      const body = eventXml({ openid: "x4", event: "subscribe" }).replace("</xml>", `<Pad>${"a".repeat(70 * 1024)}</Pad></xml>`);
      expect((await push({ openid: "x4", event: "subscribe" }, body)).status).toBe(413);
      expect((await totals()).events).toBe(0);
    });

    it("out-of-range CreateTime, NUL, invalid UTF-8 or a non-openid sender → 400", async () => {
      const valid = eventXml({ openid: "x6", event: "subscribe" });
      const bodies: (string | Buffer)[] = [
        valid.replace(/<CreateTime>\d+<\/CreateTime>/, "<CreateTime>9999999999</CreateTime>"),
        valid.replace("x6", "x6\u0000"),
        Buffer.concat([Buffer.from(valid.slice(0, valid.indexOf("x6"))), Buffer.from([0xc3, 0x28]), Buffer.from(valid.slice(valid.indexOf("x6")))]),
        valid.replace("x6", "x6 <b>"),
      ];
      for (const body of bodies) {
        const request = pushRequest({ appId: APP_ID, token: TOKEN, openid: "x6", event: "subscribe" });
        const response = await POST(new Request(request.url, { method: "POST", body: typeof body === "string" ? body : new Uint8Array(body) }), ctx);
        expect(response.status).toBe(400);
      }
      expect((await totals()).events).toBe(0);
    });

    it.runIf(env().databaseProvider === "sqlite")("a locked inbox → a non-success answer within WeChat's 5 s, then the retry counts once", async () => {
      const blocker = openSqlite(inboxFile(env().sqlitePath!));
      blocker.exec("BEGIN IMMEDIATE");
      const createTime = Math.floor(Date.now() / 1000);
      const started = Date.now();
      const captured = captureLog();
      const locked = await push({ openid: "x7", event: "subscribe", eventKey: "qrscene_12", createTime }).finally(captured.restore);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(locked.text).not.toBe("success");
      // The operator's log says which push was not stored: request id, account, openid and event.
      expect(captured.lines).toContainEqual(expect.objectContaining({ level: expect.any(Number), reqId: expect.any(String), appId: APP_ID, openid: "x7", event: "subscribe" }));
      blocker.exec("ROLLBACK");
      blocker.close();
      await new Promise((r) => setTimeout(r, 200));
      expect((await push({ openid: "x7", event: "subscribe", eventKey: "qrscene_12", createTime })).text).toBe("success");
      expect((await totals()).promoter.newFollowers).toBe(1);
    }, 15_000);

    it.runIf(env().databaseProvider === "sqlite")("a locked main database (a long attribution batch, a backup) does not hold up acknowledgements", async () => {
      const blocker = openSqlite(env().sqlitePath!);
      blocker.exec("BEGIN IMMEDIATE");
      const started = Date.now();
      const answer = await push({ openid: "x8", event: "subscribe", eventKey: "qrscene_12" });
      expect(answer.text).toBe("success");
      expect(Date.now() - started).toBeLessThan(1000);
      blocker.exec("ROLLBACK");
      blocker.close();
      expect((await totals()).promoter.newFollowers).toBe(1); // moved from the inbox and attributed once the lock is free
    }, 15_000);

    it("a signed query used again with another body (a replay in plain mode) → 401, nothing stored; the same body again is a copy", async () => {
      const url = signedUrl(APP_ID, TOKEN);
      const post = (body: string) => POST(new Request(url, { method: "POST", body, headers: { "content-type": "text/xml" } }), ctx);
      const genuine = eventXml({ openid: "r1", event: "subscribe", eventKey: "qrscene_12" });
      expect(await (await post(genuine)).text()).toBe("success");
      expect(await (await post(genuine)).text()).toBe("success"); // a copy of the same push
      const forged = await post(eventXml({ openid: "r2", event: "subscribe", eventKey: "qrscene_12" }));
      expect(forged.status).toBe(401);
      expect((await totals()).promoter.newFollowers).toBe(1);
    });

    it("unknown AppID → the bad-signature answer (no account enumeration)", async () => {
      const response = await POST(pushRequest({ appId: "wxffffffffffffffff", token: TOKEN, openid: "x5", event: "subscribe" }), {
        params: Promise.resolve({ appId: "wxffffffffffffffff" }),
      });
      const forged = await POST(pushRequest({ appId: APP_ID, token: "not-the-token", openid: "x5", event: "subscribe" }), ctx);
      expect(response.status).toBe(401);
      expect([response.status, await response.text()]).toEqual([forged.status, await forged.text()]);
      expect(await db().wechatEvent.count()).toBe(0);
    });
  });
});
