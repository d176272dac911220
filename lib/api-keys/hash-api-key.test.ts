import { describe, expect, it } from "vitest";
import { bearerToken, generateApiKey, hashApiKey, looksLikeApiKey } from "./hash-api-key";

describe("API key material", () => {
  it("hashes with SHA-256 as lowercase hex", () => {
    expect(hashApiKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashApiKey("sk_x")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("generates sk_ + 43 base64url characters, its 11-character prefix and its hash", () => {
    const { key, prefix, keyHash } = generateApiKey();
    expect(key).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    expect(looksLikeApiKey(key)).toBe(true);
    expect(prefix).toBe(key.slice(0, 11));
    expect(keyHash).toBe(hashApiKey(key));
    expect(keyHash).not.toContain(key.slice(3));
  });

  it("never repeats a key", () => {
    const keys = new Set(Array.from({ length: 100 }, () => generateApiKey().key));
    expect(keys.size).toBe(100);
  });

  it("rejects strings that are not keys we issue", () => {
    expect(looksLikeApiKey("sk_short")).toBe(false);
    expect(looksLikeApiKey(`pk_${"a".repeat(43)}`)).toBe(false);
    expect(looksLikeApiKey(`sk_${"a".repeat(42)}!`)).toBe(false);
  });
});

describe("bearerToken", () => {
  it("reads the Bearer scheme case-insensitively and trims", () => {
    expect(bearerToken("Bearer sk_abc")).toBe("sk_abc");
    expect(bearerToken("bearer sk_abc")).toBe("sk_abc");
    expect(bearerToken("  BEARER   sk_abc  ")).toBe("sk_abc");
  });

  it("returns null for other schemes and malformed headers", () => {
    expect(bearerToken(null)).toBeNull();
    expect(bearerToken("")).toBeNull();
    expect(bearerToken("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken("sk_abc")).toBeNull();
  });
});
