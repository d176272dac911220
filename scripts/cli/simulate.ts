import crypto from "node:crypto";
import { z } from "zod";
import { env } from "../../lib/env";
import { pushEvent, verifyUrl } from "../../lib/wechat/simulator/push-event";
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
} as const satisfies Record<string, { type: "string" | "boolean" }>;

export const SIMULATE_USAGE =
  "simulate --serve [--port 4000] [--appid wx… --secret S] | --push subscribe|unsubscribe|SCAN --appid wx… --token T [--openid o…] [--scene 12] [--app-url URL] | --verify-url --appid wx… --token T [--app-url URL]   fake WeChat: API server, event pushes, URL check";

const serveSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(4000),
  host: z.string().min(1).default("127.0.0.1"),
  appid: z.string().min(1).optional(),
  secret: z.string().min(1).optional(),
});

const callbackSchema = z.object({
  "app-url": z.url({ protocol: /^https?$/ }),
  appid: z.string().min(1, "--appid is required (or set WECHAT_APP_ID)"),
  token: z.string().min(1, "--token is required (or set WECHAT_TOKEN)"),
  push: z.enum(["subscribe", "unsubscribe", "SCAN"]).optional(),
  openid: z.string().min(1).max(128).default(() => `o${crypto.randomBytes(20).toString("base64url")}`),
  scene: z.string().min(1).max(64).optional(),
  "to-user": z.string().min(1).optional(),
});

async function serve(values: Record<string, unknown>) {
  const options = serveSchema.parse(values);
  const accounts = options.appid && options.secret ? [{ appId: options.appid, secret: options.secret }] : undefined;
  const simulator = await startSimulator({ port: options.port, host: options.host, accounts, log: (line) => console.log(line) });
  const base = simulator.url.replace("//0.0.0.0:", "//127.0.0.1:");
  console.log(`WeChat simulator listening on ${simulator.url}`);
  console.log(`Start Scenecode with WECHAT_API_BASE=${base}`);
  console.log(accounts ? `Accepting AppID ${accounts[0].appId} with the given secret.` : "Any AppID is accepted with any 32-character AppSecret.");
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
  });
  const callbackUrl = `${options["app-url"].replace(/\/+$/, "")}/api/wechat/${encodeURIComponent(options.appid)}`;
  if (!options.push) {
    const result = await verifyUrl({ callbackUrl, token: options.token });
    console.log(`GET ${callbackUrl} (URL check) → ${result.status} ${JSON.stringify(result.body)}`);
    if (!result.matched) throw new Error("the callback did not echo echostr: check the URL and the Token");
    console.log("The callback echoed echostr: the URL and Token are right.");
    return;
  }
  const { status, body } = await pushEvent({
    callbackUrl,
    token: options.token,
    event: options.push,
    openid: options.openid,
    scene: options.scene,
    toUserName: options["to-user"],
  });
  const scene = options.scene ? `, scene ${options.scene}` : "";
  console.log(`POST ${callbackUrl} (${options.push}, openid ${options.openid}${scene}) → ${status} ${JSON.stringify(body)}`);
  if (status < 200 || status > 299) throw new Error(`the callback answered HTTP ${status}`);
}

/** The `simulate` CLI command: --serve runs the fake API, --push sends one event, --verify-url does the URL check. */
export async function simulate(values: Record<string, unknown>) {
  const modes = [values.serve === true, values.push !== undefined, values["verify-url"] === true].filter(Boolean).length;
  if (modes !== 1) throw new Error(`choose one of --serve, --push or --verify-url\nusage: npm run cli -- ${SIMULATE_USAGE}`);
  try {
    await (values.serve === true ? serve(values) : callback(values));
  } catch (error) {
    if (error instanceof z.ZodError) {
      throw new Error(error.issues.map((i) => (i.message.startsWith("--") ? i.message : `--${String(i.path[0])}: ${i.message}`)).join("; "));
    }
    throw error;
  }
}
