// WeChat-style error bodies for the simulator: HTTP 200 with {errcode, errmsg}, errmsg worded like WeChat's.
import crypto from "node:crypto";
import type { SimulatorState } from "./simulator-state";

export type SimulatorReply = Record<string, unknown>;
export type SimulatorRequest = { query: URLSearchParams; body: unknown; form?: FormData };
export type SimulatorRoutes = Record<string, (state: SimulatorState, request: SimulatorRequest) => SimulatorReply | Promise<SimulatorReply>>;

const ERRMSG: Record<number, string> = {
  [-1]: "system error",
  40001: "invalid credential, access_token is invalid or not latest",
  40002: "invalid grant_type",
  40004: "invalid media type",
  40005: "invalid file type",
  40007: "invalid media_id",
  40003: "invalid openid",
  40013: "invalid appid",
  40014: "invalid access_token",
  40032: "invalid openid list size",
  40053: "invalid action info",
  40125: "invalid appsecret",
  40164: "invalid ip 127.0.0.1 ipv6 ::ffff:127.0.0.1, not in whitelist",
  41001: "access_token missing",
  41002: "appid missing",
  41004: "appsecret missing",
  41005: "media data missing",
  42001: "access_token expired",
  44002: "empty post data",
  45001: "media size out of limit",
  45009: "reach max api daily quota limit",
  45011: "api minute-quota reach limit",
  45015: "response out of time limit or subscription is canceled",
  45047: "out of response count limit",
  45056: "too many tags now, no need to add new",
  45058: "can't modify sys tag",
  45059: "has tagged too many tags, the user has reached the limit",
  45157: "invalid tag name",
  45158: "tag name too long",
  45159: "invalid tag id",
  47001: "data format error",
  48001: "api unauthorized",
  50002: "user limited",
  61500: "date format error",
  61501: "date range error",
  76021: "cgi_path not found, please check",
};

/** A WeChat error body; `detail` explains the simulator's reason (real WeChat is terser). */
export function errorReply(errcode: number, detail?: string): SimulatorReply {
  const base = ERRMSG[errcode] ?? "simulated error";
  const rid = `sim-${crypto.randomBytes(4).toString("hex")}`;
  return { errcode, errmsg: `${base}${detail ? `: ${detail}` : ""} rid: ${rid}` };
}

export const randomToken = (bytes: number) => crypto.randomBytes(bytes).toString("base64url");
