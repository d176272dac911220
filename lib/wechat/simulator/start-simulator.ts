// The built-in WeChat simulator: a fake api.weixin.qq.com for trying Scenecode without a real account, and for tests.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { answerControl, CONTROL_PREFIX } from "./control-routes";
import { customMessageRoutes } from "./custom-message-routes";
import { datacubeRoutes } from "./datacube-routes";
import { MATERIAL_IMAGE_MAX_BYTES, materialRoutes } from "./material-routes";
import { qrcodeRoutes } from "./qrcode-routes";
import { quotaRoutes } from "./quota-routes";
import { tagRoutes } from "./tag-routes";
import { errorReply, type SimulatorReply, type SimulatorRoutes } from "./simulator-reply";
import { SimulatorState, type SimulatorAccount } from "./simulator-state";
import { tokenRoutes } from "./token-routes";
import { userRoutes } from "./user-routes";
import { serveUpstream, UPSTREAM_PREFIX, UpstreamBackend } from "./upstream-backend";

const ROUTES: SimulatorRoutes = { ...tokenRoutes, ...qrcodeRoutes, ...userRoutes, ...quotaRoutes, ...datacubeRoutes, ...customMessageRoutes, ...tagRoutes, ...materialRoutes };
const API_PATHS: ReadonlySet<string> = new Set(Object.keys(ROUTES).map((route) => route.slice(route.indexOf(" ") + 1)));
const MAX_BODY_BYTES = 1024 * 1024;

export type SimulatorOptions = {
  port?: number;
  host?: string;
  /** Known accounts; when omitted, any appid is accepted with any 32-character secret. */
  accounts?: SimulatorAccount[];
  /** Called with one line per request (method, path, errcode), never with tokens or secrets. */
  log?: (line: string) => void;
};

export type RunningSimulator = { url: string; close(): Promise<void>; state: SimulatorState; upstream: UpstreamBackend };

type Answer = { status: number; reply: SimulatorReply } | { hang: true };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

async function readJson(request: http.IncomingMessage): Promise<{ body?: unknown; errcode?: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { errcode: 47001 };
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return { errcode: 44002 };
  try {
    return { body: JSON.parse(text) };
  } catch {
    return { errcode: 47001 };
  }
}

// A multipart upload (material/add_material): WeChat refuses a file over its limit with 45001, so a
// little more than the limit is read to tell "too big" from a cut-off body.
async function readForm(request: http.IncomingMessage, contentType: string): Promise<{ form?: FormData; errcode?: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MATERIAL_IMAGE_MAX_BYTES + 64 * 1024) return { errcode: 45001 };
    chunks.push(chunk);
  }
  try {
    return { form: await new Response(Buffer.concat(chunks), { headers: { "content-type": contentType } }).formData() };
  } catch {
    return { errcode: 41005 };
  }
}

async function answerControlRequest(state: SimulatorState, request: http.IncomingMessage, pathname: string): Promise<Answer> {
  let body: unknown;
  if (request.method === "POST") {
    const read = await readJson(request);
    if (read.errcode !== undefined) return { status: 400, reply: { ok: false, error: "the body must be JSON" } };
    body = read.body;
  }
  return answerControl(state, `${request.method} ${pathname}`, body, API_PATHS);
}

async function answer(state: SimulatorState, request: http.IncomingMessage): Promise<Answer> {
  const url = new URL(request.url ?? "/", "http://simulator");
  if (url.pathname.startsWith(CONTROL_PREFIX)) return answerControlRequest(state, request, url.pathname);
  const route = ROUTES[`${request.method} ${url.pathname}`];
  if (!route) return { status: 404, reply: { errcode: 404, errmsg: `the simulator has no ${request.method} ${url.pathname}` } };
  state.countCall(url.pathname);
  if (state.faults.takeHang(url.pathname)) return { hang: true };
  const latency = state.faults.latencyFor(url.pathname);
  if (latency > 0) await sleep(latency);
  const injected = state.faults.takeFailure(url.pathname);
  if (injected !== undefined) return { status: 200, reply: errorReply(injected, "injected by the simulator") };
  const contentType = request.headers["content-type"] ?? "";
  if (request.method === "POST" && contentType.startsWith("multipart/form-data")) {
    const read = await readForm(request, contentType);
    if (read.errcode !== undefined) return { status: 200, reply: errorReply(read.errcode) };
    return { status: 200, reply: await route(state, { query: url.searchParams, body: undefined, form: read.form }) };
  }
  let body: unknown;
  if (request.method === "POST") {
    const read = await readJson(request);
    if (read.errcode !== undefined) return { status: 200, reply: errorReply(read.errcode) };
    body = read.body;
  }
  return { status: 200, reply: await route(state, { query: url.searchParams, body }) };
}

function outcome(result: Answer): string {
  if ("hang" in result) return "no answer (hangNext)";
  if (result.reply.errcode !== undefined) return String(result.reply.errcode);
  if (result.reply.ok === true) return "ok";
  return result.status === 200 ? "0" : `HTTP ${result.status}`;
}

/** Starts the simulator on host:port (port 0 picks a free one); point WECHAT_API_BASE at the returned url. */
export async function startSimulator({ port = 0, host = "127.0.0.1", accounts, log }: SimulatorOptions = {}): Promise<RunningSimulator> {
  const state = new SimulatorState(accounts);
  const upstream = new UpstreamBackend(); // the "existing backend" a forwarding account points at
  const server = http.createServer((request, response) => {
    if (request.url?.startsWith(UPSTREAM_PREFIX)) return serveUpstream(upstream, request, response);
    answer(state, request)
      .catch((): Answer => ({ status: 200, reply: errorReply(-1) }))
      .then((result) => {
        log?.(`${request.method} ${new URL(request.url ?? "/", "http://simulator").pathname} → ${outcome(result)}`);
        // A hung request keeps its connection open until the client gives up or close() destroys it.
        if ("hang" in result) return;
        response.writeHead(result.status, { "content-type": "application/json; charset=utf-8" });
        response.end(JSON.stringify(result.reply));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    state,
    upstream,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
