// Configuration, validated once. Nothing else in the app reads process.env.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

export type DatabaseProvider = "sqlite" | "postgresql";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .default("file:./data/scenecode.db")
    .refine(
      (v) => /^file:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v),
      "must be file:<path> (SQLite) or postgresql://user:pass@host:port/db",
    ),
  WECHAT_API_BASE: z
    .string()
    .trim()
    .default("https://api.weixin.qq.com")
    .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }))
    .transform((v) => v.replace(/\/+$/, "")),
  AUTH_SECRET: optionalString.pipe(
    z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
  ),
  NEXTAUTH_SECRET: optionalString.pipe(
    z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
  ),
  NEXTAUTH_URL: optionalString.pipe(z.url({ error: "must be the public URL of the app" }).optional()),
  DATA_DIR: z.string().trim().default("./data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().trim().min(1).default("0.0.0.0"),
  // How many reverse proxies in front of the app append to X-Forwarded-For (login throttling per IP).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  // First-run setup code for automation (tests, provisioning); else npm start generates and prints one.
  SETUP_CODE: optionalString.pipe(
    z.string().regex(/^[0-9A-Za-z-]{8,64}$/, "must be 8–64 letters, digits or dashes").optional(),
  ),
  // The server log (lib/log): JSON lines, or readable lines; by default readable on a terminal only.
  LOG_FORMAT: optionalString.pipe(z.enum(["json", "pretty"], { error: "must be json or pretty" }).optional()),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "must be one of fatal, error, warn, info, debug, trace, silent" }).default("info"),
  // Outbound webhooks may target loopback and private networks (tests, an intranet receiver); off by default (SSRF).
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z.enum(["", "0", "1", "true", "false"], { error: "must be 1 or 0" }).default("").transform((v) => v === "1" || v === "true"),
  // The daily fetch of WeChat's own figures for the cross-check (lib/crosscheck); "off" leaves it to
  // the page's button and `stats:crosscheck` (e.g. an instance that must not spend the datacube quota).
  CROSSCHECK_SCHEDULE: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  WECHAT_APP_ID: optionalString.pipe(
    z.string().regex(/^wx[0-9a-zA-Z]{16}$/, "must look like wx followed by 16 characters").optional(),
  ),
  WECHAT_APP_SECRET: optionalString.pipe(
    z.string().regex(/^[0-9a-zA-Z]{32}$/, "must be the 32-character AppSecret").optional(),
  ),
  WECHAT_TOKEN: optionalString.pipe(
    z.string().regex(/^[0-9a-zA-Z]{3,32}$/, "must be 3–32 letters or digits").optional(),
  ),
  WECHAT_ENCODING_AES_KEY: optionalString.pipe(
    z.string().regex(/^[0-9a-zA-Z]{43}$/, "must be the 43-character EncodingAESKey").optional(),
  ),
});

export type Env = z.infer<typeof schema> & {
  databaseProvider: DatabaseProvider;
  /** Absolute path of the SQLite file, when the provider is SQLite. */
  sqlitePath?: string;
  dataDir: string;
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Parses a raw environment into typed config; throws one line naming each bad variable. */
export function parseEnv(raw: Record<string, string | undefined>, cwd = process.cwd()): Env {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `Invalid configuration: ${issue.path.join(".")} ${issue.message}`,
    );
    throw new ConfigError(lines.join("\n"));
  }
  const env = result.data;
  const dataDir = path.resolve(cwd, env.DATA_DIR);
  if (env.DATABASE_URL.startsWith("file:")) {
    const file = env.DATABASE_URL.slice("file:".length).replace(/\?.*$/, "");
    const sqlitePath = path.resolve(cwd, file);
    return { ...env, DATABASE_URL: `file:${sqlitePath}`, databaseProvider: "sqlite", sqlitePath, dataDir };
  }
  return { ...env, databaseProvider: "postgresql", dataDir };
}

let cached: Env | undefined;

/** The process's validated configuration (parsed on first use). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests: forget the cached configuration. */
export function resetEnvForTests() {
  cached = undefined;
}

/** Loads ./.env into process.env for scripts run outside Next.js (Next loads it itself). */
export function loadDotEnv(cwd = process.cwd()) {
  const file = path.join(cwd, ".env");
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
