import { describe, expect, it } from "vitest";
import { looksLikeSelfServiceToken } from "./self-service-token";
import { looksLikeSignedLink, readSignedLink, SIGNED_LINK_TTL_MS, signSelfServiceLink, verifySignedLink } from "./signed-link";

const SECRET = "unit-test-secret-0123456789abcdef0123";
const ID = "cmabc123def456ghi789jkl0m";
const HASH = "a".repeat(64);
const now = Date.UTC(2026, 11, 4, 12, 0, 0);

describe("signed private links", () => {
  it("opens for 24 hours, for the promoter it names", () => {
    const link = signSelfServiceLink(ID, HASH, now, SECRET);
    expect(looksLikeSignedLink(link)).toBe(true);
    expect(looksLikeSelfServiceToken(link)).toBe(false); // never mistaken for a permanent token
    expect(readSignedLink(link, now)).toEqual({ promoterId: ID });
    expect(verifySignedLink(link, HASH, now, SECRET)).toBe(true);
    expect(verifySignedLink(link, HASH, now + SIGNED_LINK_TTL_MS - 1000, SECRET)).toBe(true);
  });

  it("expires", () => {
    const link = signSelfServiceLink(ID, HASH, now, SECRET);
    expect(verifySignedLink(link, HASH, now + SIGNED_LINK_TTL_MS, SECRET)).toBe(false);
    expect(readSignedLink(link, now + SIGNED_LINK_TTL_MS)).toBeNull();
  });

  it("refuses a tampered id, expiry or MAC, another secret, and a rotated permanent link", () => {
    const link = signSelfServiceLink(ID, HASH, now, SECRET);
    const [prefix, id, expires, mac] = link.split(".");
    expect(verifySignedLink([prefix, `${id.slice(0, -1)}x`, expires, mac].join("."), HASH, now, SECRET)).toBe(false);
    expect(verifySignedLink([prefix, id, (parseInt(expires, 36) + 3600).toString(36), mac].join("."), HASH, now, SECRET)).toBe(false);
    expect(verifySignedLink([prefix, id, expires, `${mac[0] === "A" ? "B" : "A"}${mac.slice(1)}`].join("."), HASH, now, SECRET)).toBe(false);
    expect(verifySignedLink(link, HASH, now, `${SECRET}x`)).toBe(false);
    expect(verifySignedLink(link, "b".repeat(64), now, SECRET)).toBe(false); // the admin rotated the permanent link
    expect(verifySignedLink(link, null, now, SECRET)).toBe(false);
  });

  it("works for a promoter without a permanent link, until they get one", () => {
    const link = signSelfServiceLink(ID, null, now, SECRET);
    expect(verifySignedLink(link, null, now, SECRET)).toBe(true);
    expect(verifySignedLink(link, HASH, now, SECRET)).toBe(false);
  });

  it("rejects malformed values before any lookup", () => {
    for (const value of ["", "s1", `s1.${ID}.abc`, `s2.${ID}.abc.${"A".repeat(22)}`, `s1.${ID}.abc.${"A".repeat(21)}`, `s1.UPPER.abc.${"A".repeat(22)}`]) {
      expect(looksLikeSignedLink(value)).toBe(false);
      expect(readSignedLink(value, now)).toBeNull();
      expect(verifySignedLink(value, HASH, now, SECRET)).toBe(false);
    }
  });
});
