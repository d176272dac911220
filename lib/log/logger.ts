// The server's log: one JSON object a line (pino) for log collectors, or readable lines when the
// process writes to a terminal. LOG_FORMAT=json|pretty overrides the guess, LOG_LEVEL the level.
import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";
import { env } from "../env";

// Whatever a caller puts in a log object under these names is replaced before it is written:
// WeChat credentials, access tokens, passwords, API keys, session cookies.
export const REDACTED_PATHS = [
  "token",
  "encodingAesKey",
  "previousEncodingAesKey",
  "appSecret",
  "accessToken",
  "access_token",
  "password",
  "apiKey",
  "secret",
  "authorization",
  "cookie",
].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export type LogFormat = "json" | "pretty";

// A configuration error is reported by whoever validates the environment; the log still works.
function configured() {
  try {
    return { format: env().LOG_FORMAT, level: env().LOG_LEVEL };
  } catch {
    return { format: undefined, level: "info" };
  }
}

/** A logger writing to `destination` (stdout by default), in the given or guessed format. */
export function createLogger(options: { format?: LogFormat; destination?: DestinationStream; level?: string } = {}): Logger {
  const fromEnv = configured();
  const format = options.format ?? fromEnv.format ?? (process.stdout.isTTY ? "pretty" : "json");
  const level = options.level ?? fromEnv.level;
  const config = { level, base: { pid: process.pid }, redact: { paths: REDACTED_PATHS, censor: "[redacted]" }, timestamp: pino.stdTimeFunctions.isoTime };
  // Log lines are rare (warnings and failures, never one a push), so they are written synchronously:
  // a line about a crash must not die in a buffer with the process.
  if (format === "pretty") {
    return pino(config, pretty({ colorize: !options.destination, sync: true, translateTime: "SYS:yyyy-mm-dd HH:MM:ss.l", ignore: "pid,hostname", destination: options.destination ?? 1 }));
  }
  return pino(config, options.destination ?? pino.destination({ dest: 1, sync: true }));
}

let shared: Logger | null = null;

/** The process's logger (the main thread and each pipeline thread have their own). */
export function log(): Logger {
  return (shared ??= createLogger());
}

/** For tests: the process's log goes to `lines` (one parsed object a line) until `restore()`. */
export function captureLog(): { lines: Record<string, unknown>[]; restore: () => void } {
  const lines: Record<string, unknown>[] = [];
  const previous = shared;
  shared = createLogger({ format: "json", level: "trace", destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  return { lines, restore: () => void (shared = previous) };
}
