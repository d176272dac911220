import { describe, expect, it } from "vitest";
import { isFreshTimestamp, verifySignature, wechatSignature } from "./verify-signature";

const docs = { token: "AAAAA", timestamp: "1714036504", nonce: "1514711492", signature: "f464b24fc39322e44b38aa78f5edd27bd1441696" };
const other = { token: "test", timestamp: "1410685589", nonce: "test", signature: "f21891de399b4e33a1a93c9a7b8a8fffb5a443ff" };

describe("wechatSignature", () => {
  it("matches the vectors from WeChat's documentation", () => {
    expect(wechatSignature([docs.token, docs.timestamp, docs.nonce])).toBe(docs.signature);
    expect(wechatSignature([other.token, other.timestamp, other.nonce])).toBe(other.signature);
  });

  it("does not depend on the order of the parts and leaves the input unsorted", () => {
    const parts = [docs.nonce, docs.token, docs.timestamp];
    expect(wechatSignature(parts)).toBe(docs.signature);
    expect(parts).toEqual([docs.nonce, docs.token, docs.timestamp]);
  });
});

describe("verifySignature", () => {
  it("accepts both documented vectors", () => {
    expect(verifySignature(docs)).toBe(true);
    expect(verifySignature(other)).toBe(true);
  });

  it("rejects a wrong signature, token, timestamp or nonce", () => {
    expect(verifySignature({ ...docs, signature: other.signature })).toBe(false);
    expect(verifySignature({ ...docs, token: "AAAAB" })).toBe(false);
    expect(verifySignature({ ...docs, timestamp: "1714036505" })).toBe(false);
    expect(verifySignature({ ...docs, nonce: "1514711493" })).toBe(false);
  });

  it("rejects empty, missing, truncated and upper-case signatures", () => {
    expect(verifySignature({ ...docs, signature: "" })).toBe(false);
    expect(verifySignature({ ...docs, signature: null })).toBe(false);
    expect(verifySignature({ ...docs, signature: undefined })).toBe(false);
    expect(verifySignature({ ...docs, signature: docs.signature.slice(0, 39) })).toBe(false);
    expect(verifySignature({ ...docs, signature: `${docs.signature}0` })).toBe(false);
    expect(verifySignature({ ...docs, signature: docs.signature.toUpperCase() })).toBe(false);
    expect(verifySignature({ ...docs, signature: "é".repeat(20) })).toBe(false);
  });

  it("rejects when the token, timestamp or nonce is missing", () => {
    expect(verifySignature({ ...docs, token: "" })).toBe(false);
    expect(verifySignature({ ...docs, timestamp: null })).toBe(false);
    expect(verifySignature({ ...docs, nonce: undefined })).toBe(false);
  });
});

describe("isFreshTimestamp", () => {
  const now = 1_714_036_504_000;

  it("accepts timestamps within five minutes either way", () => {
    expect(isFreshTimestamp("1714036504", now)).toBe(true);
    expect(isFreshTimestamp(String(1714036504 - 300), now)).toBe(true);
    expect(isFreshTimestamp(String(1714036504 + 300), now)).toBe(true);
  });

  it("rejects older or future timestamps beyond the skew", () => {
    expect(isFreshTimestamp(String(1714036504 - 301), now)).toBe(false);
    expect(isFreshTimestamp(String(1714036504 + 301), now)).toBe(false);
    expect(isFreshTimestamp("1714036504", now, 0)).toBe(true);
  });

  it("rejects anything that is not plain digits", () => {
    for (const bad of ["", "-1714036504", "1714036504.0", "1e9", " 1714036504", "0x66", "１７１４"]) {
      expect(isFreshTimestamp(bad, now)).toBe(false);
    }
  });
});
