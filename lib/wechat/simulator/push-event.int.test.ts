import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { simulate } from "../../../scripts/cli/simulate";
import { parseWechatXml, sceneFromEventKey } from "../parse-message";
import { isFreshTimestamp, verifySignature, wechatSignature } from "../verify-signature";
import { CORPUS_NAMES, PUSH_CORPUS, type CorpusEntry } from "./push-corpus";
import { pushCorpusEntry } from "./push-corpus-entry";
import { pushEvent, verifyUrl } from "./push-event";
import { SimulatorState } from "./simulator-state";

const TOKEN = "callbacktoken";
type Received = { method?: string; query: URLSearchParams; contentType?: string; body: string };
let received: Received[] = [];
let server: http.Server;
let callbackUrl: string;

// A stand-in for the app's callback route: checks the signature and parses the XML like the real one will.
beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const query = new URL(request.url ?? "/", "http://x").searchParams;
      received.push({ method: request.method, query, contentType: request.headers["content-type"], body });
      const signed = { token: TOKEN, timestamp: query.get("timestamp"), nonce: query.get("nonce"), signature: query.get("signature") };
      if (!verifySignature(signed)) return response.writeHead(403).end("bad signature");
      if (request.method === "GET") return response.end(query.get("echostr") ?? "");
      parseWechatXml(body);
      response.end("success");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  callbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/wechat/wx1234567890abcdef`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  received = [];
});

describe("pushEvent", () => {
  it("sends a signed, fresh subscribe with a qrscene_ EventKey and a Ticket", async () => {
    const result = await pushEvent({ callbackUrl, token: TOKEN, event: "subscribe", openid: "o_follower", scene: "0012", toUserName: "gh_abc" });
    expect(result).toEqual({ status: 200, body: "success" });
    const [request] = received;
    expect(request.contentType).toBe("text/xml");
    expect(request.query.get("openid")).toBe("o_follower");
    expect(isFreshTimestamp(request.query.get("timestamp") ?? "")).toBe(true);
    expect(request.body).toContain("<EventKey><![CDATA[qrscene_0012]]></EventKey>");
    const message = parseWechatXml(request.body);
    expect(message).toMatchObject({ toUserName: "gh_abc", fromUserName: "o_follower", msgType: "event", event: "subscribe" });
    expect(message.ticket).toMatch(/^gQ/);
    expect(sceneFromEventKey(message.event!, message.eventKey)).toBe("0012");
  });

  it("sends the bare scene for SCAN and an empty EventKey for plain follows and unfollows", async () => {
    await pushEvent({ callbackUrl, token: TOKEN, event: "SCAN", openid: "o1", scene: "12", createTime: 1700000000 });
    await pushEvent({ callbackUrl, token: TOKEN, event: "subscribe", openid: "o1" });
    await pushEvent({ callbackUrl, token: TOKEN, event: "unsubscribe", openid: "o1", scene: "12" });
    const [scan, follow, unfollow] = received.map((r) => parseWechatXml(r.body));
    expect(scan).toMatchObject({ event: "SCAN", eventKey: "12", createTime: 1700000000 });
    expect(follow.eventKey).toBe("");
    expect(follow.ticket).toBeUndefined();
    expect(unfollow).toMatchObject({ event: "unsubscribe", eventKey: "" });
    expect(unfollow.ticket).toBeUndefined();
  });

  it("signs with the token it is given (a wrong token is refused by the callback)", async () => {
    expect((await pushEvent({ callbackUrl, token: "wrong", event: "subscribe", openid: "o1" })).status).toBe(403);
  });

  it("uses the given timestamp and nonce", async () => {
    await pushEvent({ callbackUrl, token: TOKEN, event: "subscribe", openid: "o1", timestamp: "1714036504", nonce: "1514711492" });
    const { query } = received[0];
    expect([query.get("timestamp"), query.get("nonce")]).toEqual(["1714036504", "1514711492"]);
    expect(query.get("signature")).toBe(wechatSignature([TOKEN, "1714036504", "1514711492"]));
  });

  it("records follows and unfollows in the simulator, with the ticket it issued", async () => {
    const state = new SimulatorState();
    const appId = "wx1234567890abcdef";
    state.tickets.set("gQissued", { appId, action: "QR_LIMIT_SCENE", scene: "7", url: "http://weixin.qq.com/q/x" });
    await pushEvent({ callbackUrl, token: TOKEN, event: "subscribe", openid: "o7", scene: "7", createTime: 1700000001, simulator: { state, appId } });
    expect(parseWechatXml(received[0].body).ticket).toBe("gQissued");
    expect(state.followersOf(appId).get("o7")).toMatchObject({ subscribe: 1, subscribe_time: 1700000001, qr_scene: 7, qr_scene_str: "", subscribe_scene: "ADD_SCENE_QR_CODE" });
    await pushEvent({ callbackUrl, token: TOKEN, event: "unsubscribe", openid: "o7", simulator: { state, appId } });
    expect(state.followersOf(appId).get("o7")?.subscribe).toBe(0);
  });
});

describe("the documented push corpus", () => {
  it("simulate --push corpus sends every push, signed and fresh, with its documented nested elements", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await simulate({ push: "corpus", "app-url": new URL(callbackUrl).origin, appid: "wx1234567890abcdef", token: TOKEN, openid: "o_corpus", scene: "5" });
    } finally {
      log.mockRestore();
    }
    const typeOf = (name: string) => ((PUSH_CORPUS as Record<string, CorpusEntry>)[name].msgType === "event" ? name : (PUSH_CORPUS as Record<string, CorpusEntry>)[name].msgType);
    const sent = received.map((r) => parseWechatXml(r.body)).map((m) => (m.msgType === "event" ? m.event : m.msgType));
    expect(sent).toEqual(CORPUS_NAMES.map(typeOf));
    for (const r of received) expect(isFreshTimestamp(r.query.get("timestamp") ?? "")).toBe(true);
    expect(received.find((r) => r.body.includes("<Event><![CDATA[scancode_push]]>"))?.body).toContain("<ScanCodeInfo><ScanType><![CDATA[qrcode]]></ScanType>");
    expect(received.find((r) => r.body.includes("subscribe_msg_popup_event"))?.body.match(/<List>/g)).toHaveLength(2);
  });

  it("records only follows, unfollows and scans in the simulator's follower list", async () => {
    const state = new SimulatorState();
    const appId = "wx1234567890abcdef";
    expect(await pushCorpusEntry({ name: "CLICK", callbackUrl, token: TOKEN, openid: "o_click", simulator: { state, appId } })).toEqual({ status: 200, body: "success" });
    expect(state.followersOf(appId).has("o_click")).toBe(false);
    await pushCorpusEntry({ name: "subscribe", callbackUrl, token: TOKEN, openid: "o_follow", scene: "3", simulator: { state, appId } });
    expect(state.followersOf(appId).get("o_follow")?.subscribe).toBe(1);
  });
});

describe("verifyUrl", () => {
  it("reports whether the callback echoed echostr", async () => {
    const ok = await verifyUrl({ callbackUrl, token: TOKEN });
    expect(ok.matched).toBe(true);
    expect(received[0].method).toBe("GET");
    expect(ok.body).toBe(received[0].query.get("echostr"));
    expect((await verifyUrl({ callbackUrl, token: "wrong" })).matched).toBe(false);
  });
});
