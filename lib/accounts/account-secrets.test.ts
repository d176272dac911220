import { describe, expect, it } from "vitest";
import { openSecret } from "../crypto/secret-box";
import { LEGACY_PLAIN, maskSecret, openAccountSecrets, sealAccountSecrets } from "./account-secrets";

const MASTER = "m".repeat(40);
const KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

describe("account secrets at rest", () => {
  it("seals the Token and keys so that nothing of them shows, and opens them again", () => {
    const sealed = sealAccountSecrets({ token: "mytoken", encodingAesKey: KEY }, MASTER);
    expect(JSON.stringify(sealed)).not.toContain("mytoken");
    expect(JSON.stringify(sealed)).not.toContain(KEY);
    expect(sealed.previousEncodingAesKeyEnc).toBeNull();
    expect(openAccountSecrets(sealed, MASTER)).toEqual({ token: "mytoken", encodingAesKey: KEY, previousEncodingAesKey: null });
  });

  it("refuses values sealed under another auth secret or for another purpose", () => {
    const sealed = sealAccountSecrets({ token: "mytoken" }, MASTER);
    expect(() => openAccountSecrets(sealed, "o".repeat(40))).toThrow();
    expect(() => openSecret(sealed.tokenEnc, MASTER)).toThrow(); // not the AppSecret's key
  });

  it("reads values a migration carried over in plaintext", () => {
    expect(openAccountSecrets({ tokenEnc: `${LEGACY_PLAIN}old`, encodingAesKeyEnc: null, previousEncodingAesKeyEnc: `${LEGACY_PLAIN}${KEY}` }, MASTER))
      .toEqual({ token: "old", encodingAesKey: null, previousEncodingAesKey: KEY });
  });

  it("masks: the last four characters of long secrets only, the length of short ones", () => {
    expect(maskSecret(KEY)).toEqual({ set: true, length: 43, last4: "DEFG" });
    expect(maskSecret("shorttoken")).toEqual({ set: true, length: 10, last4: null });
    expect(maskSecret(null)).toEqual({ set: false, length: 0, last4: null });
  });
});
