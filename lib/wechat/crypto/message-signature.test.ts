import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { msgSignature, verifyMsgSignature } from "./message-signature";

const ENCRYPT = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";
const signed = { token: "pamtest", timestamp: "1409304348", nonce: "xxxxxx", encrypt: ENCRYPT };

describe("msgSignature", () => {
  it("is sha1 of the four values sorted and concatenated", () => {
    const sorted = [signed.token, signed.timestamp, signed.nonce, ENCRYPT].sort().join("");
    const expected = crypto.createHash("sha1").update(sorted).digest("hex");
    expect(msgSignature(signed.token, signed.timestamp, signed.nonce, ENCRYPT)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{40}$/);
  });

  it("does not depend on the order of its arguments", () => {
    expect(msgSignature(signed.token, signed.timestamp, signed.nonce, ENCRYPT)).toBe(msgSignature(ENCRYPT, signed.nonce, signed.token, signed.timestamp));
  });
});

describe("verifyMsgSignature", () => {
  const right = msgSignature(signed.token, signed.timestamp, signed.nonce, ENCRYPT);

  it("accepts the right signature", () => {
    expect(verifyMsgSignature({ ...signed, msgSignature: right })).toBe(true);
  });

  it("rejects a wrong signature, or a right one for other values", () => {
    expect(verifyMsgSignature({ ...signed, msgSignature: `${right.slice(0, -1)}${right.endsWith("0") ? "1" : "0"}` })).toBe(false);
    expect(verifyMsgSignature({ ...signed, msgSignature: right.toUpperCase() })).toBe(false);
    expect(verifyMsgSignature({ ...signed, msgSignature: right.slice(0, 20) })).toBe(false);
    expect(verifyMsgSignature({ ...signed, encrypt: `${ENCRYPT.slice(0, -3)}x==`, msgSignature: right })).toBe(false);
    expect(verifyMsgSignature({ ...signed, token: "other", msgSignature: right })).toBe(false);
    expect(verifyMsgSignature({ ...signed, nonce: "yyyyyy", msgSignature: right })).toBe(false);
  });

  it("rejects empty or missing values", () => {
    expect(verifyMsgSignature({ ...signed, msgSignature: "" })).toBe(false);
    expect(verifyMsgSignature({ ...signed, msgSignature: null })).toBe(false);
    expect(verifyMsgSignature({ ...signed, encrypt: "", msgSignature: msgSignature(signed.token, signed.timestamp, signed.nonce, "") })).toBe(false);
    expect(verifyMsgSignature({ ...signed, timestamp: undefined, msgSignature: right })).toBe(false);
    expect(verifyMsgSignature({ ...signed, token: "", msgSignature: right })).toBe(false);
  });
});
