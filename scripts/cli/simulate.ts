import crypto from "node:crypto";
import { z } from "zod";
import { env } from "../../lib/env";
import type { SimulatorCommand } from "../../lib/wechat/simulator/control-routes";
import { controlSimulator, seedSimulatorFollowers } from "../../lib/wechat/simulator/control-simulator";
import { CORPUS_NAMES, type CorpusName } from "../../lib/wechat/simulator/push-corpus";
import { pushCorpusEntry } from "../../lib/wechat/simulator/push-corpus-entry";
import { verifyUrl } from "../../lib/wechat/simulator/push-event";
import { startSimulator } from "../../lib/wechat/simulator/start-simulator";

export const SIMULATE_OPTIONS = {
  serve: { type: "boolean" },
  port: { type: "string" },
  host: { type: "string" },
  secret: { type: "string" },
  push: { type: "string" },
  "verify-url": { type: "boolean" },
  "app-url": { type: "string" },
  appid: { type: "string" },
  token: { type: "string" },
  openid: { type: "string" },
  scene: { type: "string" },
  "to-user": { type: "string" },
  mode: { type: "string" },
  "aes-key": { type: "string" },
  "sim-url": { type: "string" },
  fail: { type: "string" },
  count: { type: "string" },
  after: { type: "string" },
  path: { type: "string" },
  "seed-followers": { type: "string" },
  scenes: { type: "string" },
  "qr-percent": { type: "string" },
  latency: { type: "string" },
  hang: { type: "boolean" },
  "invalidate-tokens": { type: "boolean" },
  reset: { type: "boolean" },
} as const satisfies Record<string, { type: "string" | "boolean" }>;

export const SIMULATE_USAGE = [
  "simulate --serve [--port 4000] [--appid wx… --secret S]   fake WeChat API (api.weixin.qq.com)",
  "    simulate --push subscribe|unsubscribe|SCAN|NAME|corpus --appid wx… --token T [--openid o…] [--scene 12] [--mode plain|compatible|safe] [--aes-key K] [--sim-url URL] [--app-url URL]",
  `      NAME: any documented push (${CORPUS_NAMES.filter((n) => !["subscribe", "unsubscribe", "SCAN"].includes(n)).join(", ")}); corpus: all of them in turn`,
  "    simulate --verify-url --appid wx… --token T [--app-url URL]   the console's URL check",
  "    simulate --seed-followers N --appid wx… [--scenes 1,2,3] [--qr-percent 60] [--sim-url URL]   N existing followers for user/get and batchget (导入已有粉丝)",
  "    simulate --fail ERRCODE [--count N] [--after K] [--path /cgi-bin/qrcode/create] | --latency MS [--path P] | --hang [--count N] [--path P] | --invalidate-tokens | --reset   [--sim-url http://127.0.0.1:4000]",
].join("\n");

const CONTROL_FLAGS = ["fail", "latency", "hang", "invalidate-tokens", "reset", "seed-followers"] as const;

const serveSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(4000),
  host: z.string().min(1).default("127.0.0.1"),
  appid: z.string().min(1).optional(),
  secret: z.string().min(1).optional(),
});

const simUrl = z.url({ protocol: /^https?$/ });

const callbackSchema = z.object({
  "app-url": z.url({ protocol: /^https?$/ }),
  appid: z.string().min(1, "--appid is required (or set WECHAT_APP_ID)"),
  token: z.string().min(1, "--token is required (or set WECHAT_TOKEN)"),
  push: z.enum(["corpus", ...CORPUS_NAMES]).optional(),
  openid: z.string().min(1).max(128).default(() => `o${crypto.randomBytes(20).toString("base64url")}`),
  scene: z.string().min(1).max(64).optional(),
  "to-user": z.string().min(1).optional(),
  mode: z.enum(["plain", "compatible", "safe"]).default("plain"),
  "aes-key": z.string().regex(/^[0-9a-zA-Z]{43}$/, "must be the 43-character EncodingAESKey").optional(),
  "sim-url": simUrl.optional(),
});

const controlSchema = z.object({
  "sim-url": simUrl.default("http://127.0.0.1:4000"),
  fail: z.coerce.number().int().refine((n) => n !== 0, "must be a non-zero errcode").optional(),
  latency: z.coerce.number().int().min(0).max(600_000).optional(),
  count: z.coerce.number().int().min(1).max(10_000).default(1),
  after: z.coerce.number().int().min(0).max(1_000_000).default(0),
  path: z.string().startsWith("/").optional(),
});

const seedSchema = z.object({
  "sim-url": simUrl.default("http://127.0.0.1:4000"),
  "seed-followers": z.coerce.number().int().min(1).max(2_000_000),
  appid: z.string().min(1, "--appid is required"),
  scenes: z.string().default("").transform((v) => v.split(",").map((x) => x.trim()).filter(Boolean)),
  "qr-percent": z.coerce.number().int().min(0).max(100).default(60),
});

async function seed(values: Record<string, unknown>) {
  const options = seedSchema.parse(values);
  const counts = await seedSimulatorFollowers(options["sim-url"], { appId: options.appid, count: options["seed-followers"], scenes: options.scenes, qrPercent: options["qr-percent"] });
  console.log(`${options["sim-url"]}: ${options.appid} has ${options["seed-followers"]} more followers (${counts.qr} by the given scenes, ${counts.organic} otherwise).`);
}

async function serve(values: Record<string, unknown>) {
  const options = serveSchema.parse(values);
  const accounts = options.appid && options.secret ? [{ appId: options.appid, secret: options.secret }] : undefined;
  const simulator = await startSimulator({ port: options.port, host: options.host, accounts, log: (line) => console.log(line) });
  const base = simulator.url.replace("//0.0.0.0:", "//127.0.0.1:");
  console.log(`WeChat simulator listening on ${simulator.url}`);
  console.log(`Start Scenecode with WECHAT_API_BASE=${base}`);
  console.log(accounts ? `Accepting AppID ${accounts[0].appId} with the given secret.` : "Any AppID is accepted with any 32-character AppSecret.");
  console.log(`Inject failures from another terminal: npm run cli -- simulate --fail 45009 --sim-url ${base}`);
  console.log("Press Ctrl-C to stop.");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await simulator.close();
}

async function callback(values: Record<string, unknown>) {
  const config = env();
  const options = callbackSchema.parse({
    ...values,
    "app-url": values["app-url"] ?? `http://localhost:${config.PORT}`,
    appid: values.appid ?? config.WECHAT_APP_ID ?? "",
    token: values.token ?? config.WECHAT_TOKEN ?? "",
    "aes-key": values["aes-key"] ?? config.WECHAT_ENCODING_AES_KEY,
  });
  const callbackUrl = `${options["app-url"].replace(/\/+$/, "")}/api/wechat/${encodeURIComponent(options.appid)}`;
  if (!options.push) {
    const result = await verifyUrl({ callbackUrl, token: options.token });
    console.log(`GET ${callbackUrl} (URL check) → ${result.status} ${JSON.stringify(result.body)}`);
    if (!result.matched) throw new Error("the callback did not echo echostr: check the URL and the Token");
    console.log("The callback echoed echostr: the URL and Token are right.");
    return;
  }
  if (options.mode !== "plain" && !options["aes-key"]) throw new Error(`--aes-key is required for --mode ${options.mode} (or set WECHAT_ENCODING_AES_KEY)`);
  const names: CorpusName[] = options.push === "corpus" ? CORPUS_NAMES : [options.push];
  for (const name of names) await pushOne(name, callbackUrl, options);
}

async function pushOne(name: CorpusName, callbackUrl: string, options: z.infer<typeof callbackSchema>) {
  const { status, body, reply, replyError } = await pushCorpusEntry({
    name,
    callbackUrl,
    token: options.token,
    openid: options.openid,
    scene: options.scene,
    toUserName: options["to-user"],
    mode: options.mode,
    encodingAesKey: options["aes-key"],
    appId: options.appid,
    simulatorUrl: options["sim-url"],
  });
  const scene = options.scene ? `, scene ${options.scene}` : "";
  const shownBody = body.length > 200 ? `${body.slice(0, 200)}…` : body;
  console.log(`POST ${callbackUrl} (${name}, openid ${options.openid}${scene}, ${options.mode} mode) → ${status} ${JSON.stringify(shownBody)}`);
  if (reply !== undefined) console.log(`Passive reply:\n${reply}`);
  if (status < 200 || status > 299) throw new Error(`the callback answered HTTP ${status} to ${name}`);
  if (replyError) throw new Error(replyError);
}

async function control(values: Record<string, unknown>) {
  const { "sim-url": simUrl, fail, latency, count, after, path } = controlSchema.parse(values);
  const target = path ?? "every API path";
  const [calls, verb] = count === 1 ? ["call", "s"] : [`${count} calls`, ""];
  const [command, done]: [SimulatorCommand, string] =
    fail !== undefined ? [{ action: "failNext", errcode: fail, count, path, after }, `${after ? `after ${after} more, ` : ""}the next ${calls} to ${target} answer${verb} errcode ${fail}`]
    : latency !== undefined ? [{ action: "setLatency", ms: latency, path }, latency ? `answers on ${target} are delayed by ${latency} ms` : `no added delay on ${target}`]
    : values.hang === true ? [{ action: "hangNext", count, path }, `the next ${calls} to ${target} get${verb} no answer`]
    : values["invalidate-tokens"] === true ? [{ action: "invalidateTokens" }, "every issued access token now fails with 40001"]
    : [{ action: "reset" }, "injected failures, delays and call counts are cleared"];
  await controlSimulator(simUrl, command);
  console.log(`${simUrl}: ${done}.`);
}

/** The `simulate` CLI command: --serve runs the fake API, --push/--verify-url call a callback, the rest drive a running simulator. */
export async function simulate(values: Record<string, unknown>) {
  const chosen = ["serve", "push", "verify-url", ...CONTROL_FLAGS].filter((flag) => values[flag] !== undefined && values[flag] !== false);
  if (chosen.length !== 1) {
    throw new Error(`choose one of --serve, --push, --verify-url, ${CONTROL_FLAGS.map((f) => `--${f}`).join(", ")}\nusage: npm run cli -- ${SIMULATE_USAGE}`);
  }
  try {
    if (values.serve === true) await serve(values);
    else if (values.push !== undefined || values["verify-url"] === true) await callback(values);
    else if (values["seed-followers"] !== undefined) await seed(values);
    else await control(values);
  } catch (error) {
    if (error instanceof z.ZodError) {
      throw new Error(error.issues.map((i) => (i.message.startsWith("--") ? i.message : `--${String(i.path[0])}: ${i.message}`)).join("; "));
    }
    throw error;
  }
}
