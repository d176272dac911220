// A passive reply checked the way WeChat's servers check one before showing it to the follower.
import { XMLParser, XMLValidator } from "fast-xml-parser";

const parser = new XMLParser({ processEntities: false, parseTagValue: false, ignoreAttributes: true, trimValues: true, maxNestedTags: 8 });
const KINDS = new Set(["text", "image", "voice", "video", "music", "news", "transfer_customer_service"]);
// WeChat shows a reply whose CreateTime is near its own clock; an old one is likely a cached or replayed answer.
const MAX_SKEW_S = 300;

export type ReplyExpectation = {
  /** The follower's openid: the reply's ToUserName. */
  openid: string;
  /** The account's gh_ id: the reply's FromUserName. */
  accountId: string;
  nowS?: number;
};

export type CheckedReply = { ok: true; msgType: string } | { ok: false; problem: string };

/** Whether plaintext reply XML is one WeChat would deliver to this follower, and why not. */
export function checkReplyXml(xml: string, { openid, accountId, nowS = Math.floor(Date.now() / 1000) }: ReplyExpectation): CheckedReply {
  if (/<!(DOCTYPE|ENTITY)/i.test(xml) || XMLValidator.validate(xml) !== true) return { ok: false, problem: "the reply is not well-formed XML" };
  let root: unknown;
  try {
    root = (parser.parse(xml) as { xml?: unknown }).xml;
  } catch {
    return { ok: false, problem: "the reply is not well-formed XML" };
  }
  if (root === null || typeof root !== "object" || Array.isArray(root)) return { ok: false, problem: "the reply has no <xml> root" };
  const f = root as Record<string, unknown>;
  if (f.ToUserName !== openid) return { ok: false, problem: `ToUserName is not the follower's openid (${openid})` };
  if (f.FromUserName !== accountId) return { ok: false, problem: `FromUserName is not the account's id (${accountId})` };
  const createTime = Number(f.CreateTime);
  if (typeof f.CreateTime !== "string" || !/^\d+$/.test(f.CreateTime) || Math.abs(createTime - nowS) > MAX_SKEW_S) {
    return { ok: false, problem: "CreateTime is missing or not current" };
  }
  if (typeof f.MsgType !== "string" || !KINDS.has(f.MsgType)) return { ok: false, problem: "MsgType is missing or unknown" };
  return { ok: true, msgType: f.MsgType };
}
