import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box";

const MASTER = "a-master-secret-that-is-long-enough-000";

describe("secret box", () => {
  it("round-trips and never stores the plaintext", () => {
    const sealed = sealSecret("0123456789abcdef0123456789abcdef", MASTER);
    expect(sealed).not.toContain("0123456789abcdef");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(openSecret(sealed, MASTER)).toBe("0123456789abcdef0123456789abcdef");
  });

  it("uses a fresh IV each time", () => {
    expect(sealSecret("same", MASTER)).not.toBe(sealSecret("same", MASTER));
  });

  it("rejects tampering, another master secret and another purpose", () => {
    const sealed = sealSecret("secret", MASTER);
    const [v, iv, tag, data] = sealed.split(".");
    const flipped = Buffer.from(data, "base64url");
    flipped[0] ^= 1;
    expect(() => openSecret([v, iv, tag, flipped.toString("base64url")].join("."), MASTER)).toThrow();
    expect(() => openSecret(sealed, `${MASTER}x`)).toThrow();
    expect(() => openSecret(sealed, MASTER, "other-purpose")).toThrow();
    expect(() => openSecret("garbage", MASTER)).toThrow(/Unrecognised/);
  });
});
