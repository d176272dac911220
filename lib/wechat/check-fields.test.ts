import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ENVELOPE_RULES, firstInvalidField, MESSAGE_RULES, type Fields } from "./check-fields";

// The rules as they were written with zod before the hot path dropped it: the reference.
const NOW = Date.UTC(2026, 11, 1, 12) as number;
const optionalField = z.string().max(512).optional();
const messageSchema = z.object({
  ToUserName: z.string().max(128),
  FromUserName: z.string().min(1).max(128).regex(/^[\w-]+$/),
  CreateTime: z.string().regex(/^\d{1,10}$/).transform(Number).refine((n) => n > 0 && n <= NOW / 1000 + 86_400),
  MsgType: z.string().min(1).max(64),
  Event: optionalField,
  EventKey: optionalField,
  Ticket: optionalField,
  Encrypt: z.string().min(1).max(256 * 1024).optional(),
});
const envelopeSchema = z.object({ ToUserName: z.string().max(128).default(""), Encrypt: z.string().min(1).max(256 * 1024) });

const VALID: Fields = { ToUserName: "gh_1234567890ab", FromUserName: "oABC-_123", CreateTime: String(NOW / 1000 - 60), MsgType: "event", Event: "subscribe", EventKey: "qrscene_42" };
const VALUES = [
  undefined, "", "0", "00", "1", "x", "a".repeat(64), "a".repeat(65), "a".repeat(128), "a".repeat(129), "b".repeat(512), "b".repeat(513),
  "9999999999", "12345678901", String(NOW / 1000 + 86_400), String(NOW / 1000 + 86_401), "١٢٣", "12 ", " 12", "-1", "1.5", "1e9",
  "o+/=", "o+x", "o/x", "o=x", "o.x", "o\u00e9", "o\u{1F600}", "openid with space", "<![CDATA[x]]>", "a\nb", "c".repeat(256 * 1024 + 1),
];

/** Every field set to every value, one field at a time, plus pairs of broken fields. */
function* corpus(base: Fields, names: string[]): Generator<Fields> {
  for (const name of names) {
    for (const value of VALUES) {
      const fields: Fields = { ...base };
      if (value === undefined) delete fields[name];
      else fields[name] = value;
      yield fields;
      for (const other of names) if (other !== name) yield { ...fields, [other]: "" };
    }
  }
}

function reference(schema: z.ZodType, fields: Fields): string | null {
  const result = schema.safeParse(fields);
  return result.success ? null : String(result.error.issues[0].path[0]);
}

describe("firstInvalidField", () => {
  it("accepts and refuses exactly what the zod schema did, naming the same field", () => {
    let compared = 0;
    let refused = 0;
    for (const fields of corpus(VALID, [...Object.keys(MESSAGE_RULES)])) {
      const expected = reference(messageSchema, fields);
      expect([fields, firstInvalidField(fields, MESSAGE_RULES, NOW)]).toEqual([fields, expected]);
      compared++;
      if (expected) refused++;
    }
    for (const fields of corpus({ ToUserName: "gh_1", Encrypt: "abc=" }, ["ToUserName", "Encrypt"])) {
      expect([fields, firstInvalidField(fields, ENVELOPE_RULES, NOW)]).toEqual([fields, reference(envelopeSchema, fields)]);
      compared++;
    }
    expect(compared).toBeGreaterThan(1500);
    expect(refused).toBeGreaterThan(500);
  });

  it("reads own fields only, whatever the prototype holds", () => {
    const fields = Object.assign(Object.create({ MsgType: "event" }) as Fields, { ...VALID });
    delete fields.MsgType;
    expect(firstInvalidField(fields, MESSAGE_RULES, NOW)).toBe("MsgType");
  });
});
