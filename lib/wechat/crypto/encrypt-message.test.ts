import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeAesKey } from "./aes-key";
import { decryptMessage } from "./decrypt-message";
import { encryptMessage } from "./encrypt-message";
import { WechatCryptoError } from "./wechat-crypto-error";

const VECTOR = {
  encodingAesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
  appId: "wxb11529c136998cb6",
  random: Buffer.from("aaaabbbbccccdddd"),
  message: "我是中文abcd123",
  encrypt: "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==",
};
const ALNUM = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

const randomAlnum = (length: number) => Array.from({ length }, () => ALNUM[crypto.randomInt(ALNUM.length)]).join("");

function randomCodePoint(): number {
  const ranges: [number, number][] = [[0x00, 0x7f], [0x80, 0x7ff], [0x800, 0xd7ff], [0xe000, 0xffff], [0x10000, 0x10ffff]];
  const [low, high] = ranges[crypto.randomInt(ranges.length)];
  return crypto.randomInt(low, high + 1);
}

/** Random Unicode text of at most maxBytes UTF-8 bytes (any plane, control characters, "]]>" by chance). */
function randomText(maxBytes: number): string {
  const target = crypto.randomInt(0, maxBytes + 1);
  let text = "";
  let bytes = 0;
  for (;;) {
    const char = String.fromCodePoint(randomCodePoint());
    const size = Buffer.byteLength(char);
    if (bytes + size > target) return text;
    text += char;
    bytes += size;
  }
}

describe("decodeAesKey", () => {
  it("decodes 43 letters or digits to a 32-byte key", () => {
    expect(decodeAesKey(VECTOR.encodingAesKey)).toHaveLength(32);
  });

  it.each([["", "empty"], ["a".repeat(42), "42 chars"], ["a".repeat(44), "44 chars"], [`${"a".repeat(42)}+`, "a + sign"], [`${"a".repeat(42)}=`, "padding"], [`${"a".repeat(41)}é1`, "non-ASCII"]])(
    "rejects %s (%s)",
    (key) => {
      expect(() => decodeAesKey(key)).toThrow(WechatCryptoError);
    },
  );
});

describe("encryptMessage", () => {
  it("reproduces WeChat's test vector and decrypts it back", () => {
    const { encodingAesKey, appId, random, message } = VECTOR;
    expect(encryptMessage({ message, appId, encodingAesKey, random })).toBe(VECTOR.encrypt);
    expect(decryptMessage({ encrypt: VECTOR.encrypt, appId, encodingAesKeys: [encodingAesKey] })).toEqual({ message, keyIndex: 0 });
  });

  it("pads to a multiple of 32 bytes, a whole extra block when already aligned", () => {
    const { encodingAesKey, random } = VECTOR;
    // 16 + 4 + 11 + 1 = 32 bytes before padding.
    const aligned = encryptMessage({ message: "x".repeat(11), appId: "w", encodingAesKey, random });
    expect(Buffer.from(aligned, "base64")).toHaveLength(64);
    expect(Buffer.from(encryptMessage({ message: "", appId: "w", encodingAesKey, random }), "base64")).toHaveLength(32);
  });

  it("uses fresh random bytes by default and refuses a random of the wrong size or an empty AppID", () => {
    const input = { message: "hello", appId: VECTOR.appId, encodingAesKey: VECTOR.encodingAesKey };
    expect(encryptMessage(input)).not.toBe(encryptMessage(input));
    expect(() => encryptMessage({ ...input, random: Buffer.alloc(15) })).toThrow(WechatCryptoError);
    expect(() => encryptMessage({ ...input, appId: "" })).toThrow(WechatCryptoError);
    expect(() => encryptMessage({ ...input, encodingAesKey: "short" })).toThrow(WechatCryptoError);
  });

  it("round-trips 200 random keys, AppIDs and Unicode messages of 0 to 5000 bytes", () => {
    for (let i = 0; i < 200; i++) {
      const encodingAesKey = randomAlnum(43);
      const appId = i % 2 ? `wx${randomAlnum(16)}` : randomAlnum(crypto.randomInt(1, 40));
      const message = randomText(5000);
      const encrypt = encryptMessage({ message, appId, encodingAesKey });
      expect(Buffer.from(encrypt, "base64").length % 32).toBe(0);
      expect(decryptMessage({ encrypt, appId, encodingAesKeys: [encodingAesKey] })).toEqual({ message, keyIndex: 0 });
    }
  });
});
