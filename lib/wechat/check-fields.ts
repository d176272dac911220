// Field checks for WeChat's pushes, by hand: they run on every push, and a schema library's generic
// machinery cost more than the XML parse. The rules, in the order errors are reported:
//   ToUserName ≤ 128 · FromUserName 1–128 URL-safe base64 (an openid) · CreateTime 1–10 ASCII digits,
//   > 0 and at most a day ahead of this clock · MsgType 1–64 · Event, EventKey, Ticket ≤ 512 when
//   present · Encrypt non-empty and ≤ the body limit when present.
// check-fields.test.ts holds the same rules as a zod schema and compares both over a corpus.

export type Fields = Record<string, string>;
export type FieldRule = (value: string | undefined, now: number) => boolean;

const OPENID = /^[\w-]+$/;
const SECONDS = /^\d{1,10}$/;
const MAX_ENCRYPT_CHARS = 256 * 1024;

const text = (min: number, max: number, optional = false): FieldRule => (value) => (value === undefined ? optional : value.length >= min && value.length <= max);

export const MESSAGE_RULES: Record<string, FieldRule> = {
  ToUserName: text(0, 128),
  FromUserName: (value) => value !== undefined && value.length <= 128 && OPENID.test(value),
  // Unix seconds (the column is 64-bit, so 2038 is no limit); an event is pushed after it happened,
  // so anything more than a day ahead of this clock is refused as forged or garbled.
  CreateTime: (value, now) => value !== undefined && SECONDS.test(value) && Number(value) > 0 && Number(value) <= now / 1000 + 86_400,
  MsgType: text(1, 64),
  Event: text(0, 512, true),
  EventKey: text(0, 512, true),
  Ticket: text(0, 512, true),
  Encrypt: text(1, MAX_ENCRYPT_CHARS, true),
};

export const ENVELOPE_RULES: Record<string, FieldRule> = {
  ToUserName: text(0, 128, true),
  Encrypt: text(1, MAX_ENCRYPT_CHARS),
};

/** The first field (in rule order) that breaks its rule, or null when all hold. */
export function firstInvalidField(fields: Fields, rules: Record<string, FieldRule>, now = Date.now()): string | null {
  for (const name in rules) {
    const value = Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
    if (!rules[name](value, now)) return name;
  }
  return null;
}
