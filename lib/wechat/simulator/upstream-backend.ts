// The simulator as an operator's existing backend (消息转发 tests and trials): a WeChat-style server
// that checks the signature (and decrypts) like any backend SDK, then answers as it is told — a text
// reply, "success", slowly, with HTTP 500, with garbage, or with the wrong key.
import http from "node:http";
import { z } from "zod";
import { buildEncryptedReply } from "../crypto/encrypted-reply";
import { decryptMessage } from "../crypto/decrypt-message";
import { verifyMsgSignature } from "../crypto/message-signature";
import { buildTextReply } from "../crypto/encrypted-reply";
import { parseEncryptedEnvelope, parseWechatXml } from "../parse-message";
import { verifySignature } from "../verify-signature";

export const UPSTREAM_PREFIX = "/__upstream/";

const configSchema = z.object({
  appId: z.string().regex(/^wx[0-9a-zA-Z]{16}$/),
  token: z.string().min(3).max(32),
  encodingAesKey: z.string().length(43).nullable().default(null),
  behaviour: z.enum(["reply", "success", "status500", "garbage", "wrongKey"]).default("reply"),
  /** The reply's text; {content} becomes the message's text (or the event's name). */
  text: z.string().max(600).default("upstream: {content}"),
  delayMs: z.number().int().min(0).max(60_000).default(0),
});
export type UpstreamConfig = z.input<typeof configSchema>;
type Config = z.output<typeof configSchema>;
export type UpstreamReceived = { appId: string; encrypted: boolean; xml: string };

/** Per AppID: how to answer, and what arrived (newest last). */
export class UpstreamBackend {
  readonly configs = new Map<string, Config>();
  readonly received: UpstreamReceived[] = [];

  configure(input: unknown): Config {
    const config = configSchema.parse(input);
    this.configs.set(config.appId, config);
    return config;
  }

  /** Answers GET (URL check) and POST (a push) on /__upstream/{appId}, and POST /__upstream/config. */
  async handle(request: http.IncomingMessage, response: http.ServerResponse, body: string) {
    const url = new URL(request.url ?? "/", "http://upstream");
    const send = (status: number, text: string, type = "text/plain; charset=utf-8") => (response.writeHead(status, { "content-type": type }), response.end(text));
    if (url.pathname === `${UPSTREAM_PREFIX}config` && request.method === "POST") {
      const parsed = configSchema.safeParse(JSON.parse(body || "{}"));
      if (!parsed.success) return send(400, JSON.stringify({ ok: false, error: parsed.error.issues[0]?.message }), "application/json");
      this.configs.set(parsed.data.appId, parsed.data);
      return send(200, JSON.stringify({ ok: true }), "application/json");
    }
    if (url.pathname === `${UPSTREAM_PREFIX}received` && request.method === "GET") return send(200, JSON.stringify({ ok: true, received: this.received }), "application/json");
    const config = this.configs.get(url.pathname.slice(UPSTREAM_PREFIX.length));
    if (!config) return send(404, "no upstream configured for this AppID");
    const q = url.searchParams;
    if (!verifySignature({ token: config.token, timestamp: q.get("timestamp") ?? "", nonce: q.get("nonce"), signature: q.get("signature") })) return send(401, "bad signature");
    if (request.method === "GET") return send(200, q.get("echostr") ?? "");
    let xml = body;
    const encrypted = q.get("encrypt_type") === "aes";
    if (encrypted) {
      const { encrypt } = parseEncryptedEnvelope(body);
      if (!config.encodingAesKey || !verifyMsgSignature({ token: config.token, timestamp: q.get("timestamp"), nonce: q.get("nonce"), encrypt, msgSignature: q.get("msg_signature") })) return send(401, "bad msg_signature");
      xml = decryptMessage({ encrypt, appId: config.appId, encodingAesKeys: [config.encodingAesKey] }).message;
    }
    const message = parseWechatXml(xml);
    this.received.push({ appId: config.appId, encrypted, xml });
    if (this.received.length > 100) this.received.shift();
    if (config.delayMs) await new Promise((r) => setTimeout(r, config.delayMs).unref());
    if (config.behaviour === "success") return send(200, "success");
    if (config.behaviour === "status500") return send(500, "upstream failure");
    if (config.behaviour === "garbage") return send(200, "{\"not\":\"xml\"}");
    const content = config.text.replaceAll("{content}", message.content ?? message.event ?? message.msgType);
    const replyXml = buildTextReply({ toUser: message.fromUserName, fromUser: message.toUserName, content });
    if (!encrypted) return send(200, replyXml, "application/xml");
    // wrongKey: sealed with a key nobody configured (a backend still on an old EncodingAESKey).
    const key = config.behaviour === "wrongKey" ? "W".repeat(43) : config.encodingAesKey!;
    return send(200, buildEncryptedReply({ replyXml, appId: config.appId, encodingAesKey: key, token: config.token }), "application/xml");
  }
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** Serves a request under UPSTREAM_PREFIX; a broken push gets 400, as a backend SDK would answer. */
export function serveUpstream(backend: UpstreamBackend, request: http.IncomingMessage, response: http.ServerResponse) {
  readBody(request)
    .then((body) => backend.handle(request, response, body))
    .catch(() => {
      if (!response.headersSent) response.writeHead(400, { "content-type": "text/plain" });
      response.end("bad request");
    });
}

/** A standalone upstream on 127.0.0.1 (tests): its pushes go to `${url}/__upstream/{appId}`. */
export async function startUpstream(port = 0): Promise<{ url: string; backend: UpstreamBackend; close(): Promise<void> }> {
  const backend = new UpstreamBackend();
  const server = http.createServer((request, response) => serveUpstream(backend, request, response));
  await new Promise<void>((resolve, reject) => (server.once("error", reject), server.listen(port, "127.0.0.1", () => resolve())));
  const { port: bound } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${bound}`,
    backend,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
