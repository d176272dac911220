// WeChat's XML pushes, parsed strictly: fast-xml-parser is lenient by default (coerces "0012" to 12,
// accepts broken XML), so validate first, keep every value a string, and never expand entities.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ENVELOPE_RULES, firstInvalidField, MESSAGE_RULES, type Fields } from "./check-fields";
import { readFlatXml } from "./read-flat-xml";

export class WechatXmlError extends Error {
  constructor(reason: string) {
    super(`Malformed WeChat XML: ${reason}`);
    this.name = "WechatXmlError";
  }
}

export type WechatMessage = {
  toUserName: string;
  fromUserName: string;
  createTime: number;
  msgType: string;
  event?: string;
  eventKey?: string;
  ticket?: string;
  /** A text message's text (keyword replies match it). */
  content?: string;
  /** Present in compatible mode, where a push carries both the plain fields and the ciphertext. */
  encrypt?: string;
};

export type EncryptedEnvelope = { toUserName: string; encrypt: string };

const MAX_BODY_CHARS = 256 * 1024;

// WeChat's deepest push (MASSSENDJOBFINISH: xml > CopyrightCheckResult > ResultList > item > field) is 5 deep.
const MAX_DEPTH = 16;
const parser = new XMLParser({ processEntities: false, parseTagValue: false, ignoreAttributes: true, trimValues: true, maxNestedTags: MAX_DEPTH });
// The fields the callback reads must be one text value each; any other child may nest (ScanCodeInfo,
// SendPicsInfo, SubscribeMsgPopupEvent with repeated List items, …): it is well-formed and skipped.
const TEXT_FIELDS = new Set([...Object.keys(MESSAGE_RULES), ...Object.keys(ENVELOPE_RULES)]);

/** The string children of the single <xml> root; throws WechatXmlError for anything else. */
function readFields(body: string): Record<string, string> {
  checkBody(body);
  return readFlatXml(body) ?? readFieldsStrictly(body);
}

function checkBody(body: string) {
  if (typeof body !== "string" || body.length === 0) throw new WechatXmlError("empty body");
  if (body.length > MAX_BODY_CHARS) throw new WechatXmlError("body too large");
  // NUL can be stored by neither database's text type, and no WeChat field carries one.
  if (body.includes("\u0000")) throw new WechatXmlError("NUL characters are not allowed");
  if (/<!(DOCTYPE|ENTITY)/i.test(body)) throw new WechatXmlError("DOCTYPE and ENTITY declarations are not allowed");
}

/** readFields without the fast path: validate, then parse (exported for the fast path's differential test). */
export function readFieldsStrictly(body: string): Record<string, string> {
  checkBody(body);
  if (XMLValidator.validate(body) !== true) throw new WechatXmlError("not well-formed");
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(body) as Record<string, unknown>;
  } catch {
    // fast-xml-parser refuses element names like __proto__ and constructor, and nesting past MAX_DEPTH.
    throw new WechatXmlError("reserved element name or too deeply nested");
  }
  const roots = Object.keys(parsed).filter((key) => key !== "?xml");
  if (roots.length !== 1 || roots[0] !== "xml") throw new WechatXmlError("the root must be one <xml> element");
  const root = parsed.xml;
  if (root === null || typeof root !== "object" || Array.isArray(root)) throw new WechatXmlError("the root must be one <xml> element");
  const fields: Record<string, string> = Object.create(null);
  for (const [key, value] of Object.entries(root)) {
    if (typeof value === "string") fields[key] = value;
    else if (Array.isArray(value)) throw new WechatXmlError(`<${key}> must appear once`);
    else if (TEXT_FIELDS.has(key)) throw new WechatXmlError(`<${key}> must be text`);
  }
  return fields;
}

/** The fields after their rules hold; otherwise WechatXmlError naming the first broken one. */
function checked(fields: Fields, rules: typeof MESSAGE_RULES): Fields {
  const invalid = firstInvalidField(fields, rules);
  if (invalid) throw new WechatXmlError(`<${invalid}> is missing or invalid`);
  return fields;
}

/** Parses a plain (or compatible-mode) push; only whitelisted fields reach the result. */
export function parseWechatXml(body: string): WechatMessage {
  const f = checked(readFields(body), MESSAGE_RULES);
  const message: WechatMessage = { toUserName: f.ToUserName, fromUserName: f.FromUserName, createTime: Number(f.CreateTime), msgType: f.MsgType };
  if (f.Event !== undefined) message.event = f.Event;
  if (f.EventKey !== undefined) message.eventKey = f.EventKey;
  if (f.Ticket !== undefined) message.ticket = f.Ticket;
  if (f.Content !== undefined) message.content = f.Content;
  if (f.Encrypt !== undefined) message.encrypt = f.Encrypt;
  return message;
}

/** Parses a safe-mode envelope (<ToUserName> and <Encrypt>); decrypt `encrypt`, then parseWechatXml the plaintext. */
export function parseEncryptedEnvelope(body: string): EncryptedEnvelope {
  const f = checked(readFields(body), ENVELOPE_RULES);
  return { toUserName: f.ToUserName ?? "", encrypt: f.Encrypt };
}

/** The scene value a follow or scan carries: subscribe → after a leading "qrscene_", SCAN → the bare key. */
export function sceneFromEventKey(event: string, eventKey?: string): string | null {
  if (!eventKey) return null;
  // "backfill" is an import's synthetic follow (lib/backfill), keyed the same way.
  if (event === "subscribe" || event === "backfill") {
    return eventKey.startsWith("qrscene_") && eventKey.length > "qrscene_".length ? eventKey.slice("qrscene_".length) : null;
  }
  if (event === "SCAN") return eventKey;
  return null;
}
