import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeAesKey } from "./aes-key";
import { decryptMessage } from "./decrypt-message";
import { encryptMessage } from "./encrypt-message";
import { WechatCryptoError } from "./wechat-crypto-error";

const KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const PREVIOUS_KEY = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";
const APP_ID = "wxb11529c136998cb6";
const MESSAGE = "我是中文abcd123";
const ENCRYPT = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

const decrypt = (encrypt: string, appId = APP_ID, encodingAesKeys = [KEY]) => decryptMessage({ encrypt, appId, encodingAesKeys });

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WechatCryptoError);
    expect((error as Error).message).not.toContain(KEY);
    expect((error as Error).message).not.toContain("abcd123");
    return (error as WechatCryptoError).reason;
  }
  throw new Error("expected a WechatCryptoError");
}

/** Encrypts a hand-made plaintext (any padding) the way WeChat would, without Node's own padding. */
function sealRaw(plaintext: Buffer, encodingAesKey = KEY): string {
  const key = decodeAesKey(encodingAesKey);
  const cipher = crypto.createCipheriv("aes-256-cbc", key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(plaintext), cipher.final()]).toString("base64");
}

function plaintext({ message = "hi", length, padding }: { message?: string | Buffer; length?: number; padding: (unpadded: number) => Buffer }) {
  const body = Buffer.from(message);
  const header = Buffer.alloc(20, 0x61);
  header.writeUInt32BE(length ?? body.length, 16);
  const unpadded = Buffer.concat([header, body, Buffer.from(APP_ID)]);
  return Buffer.concat([unpadded, padding(unpadded.length)]);
}
const pkcs7 = (size: number) => (n: number) => Buffer.alloc(size - (n % size), size - (n % size));
const fill = (value: number, extra = 0) => (n: number) => Buffer.alloc(32 - (n % 32) + extra, value);

describe("decryptMessage", () => {
  it("accepts a hand-sealed plaintext with correct padding", () => {
    expect(decrypt(sealRaw(plaintext({ padding: pkcs7(32) })))).toEqual({ message: "hi", keyIndex: 0 });
  });

  it.each([0, 16, 17, 31, 32, 40, 47, 48, 63])("rejects the vector with byte %i flipped", (position) => {
    const bytes = Buffer.from(ENCRYPT, "base64");
    bytes[position] ^= 0x01;
    expect(reasonOf(() => decrypt(bytes.toString("base64")))).toEqual(expect.any(String));
  });

  it("is malleable in the first block, so callers must check msg_signature before decrypting", () => {
    const bytes = Buffer.from(ENCRYPT, "base64");
    bytes[15] ^= 0x01;
    expect(decrypt(bytes.toString("base64")).message).not.toBe(MESSAGE);
  });

  it("rejects truncated, extended, non-base64 and empty input", () => {
    const bytes = Buffer.from(ENCRYPT, "base64");
    const variants = [
      bytes.subarray(0, 48), bytes.subarray(0, 32), bytes.subarray(0, 63), Buffer.concat([bytes, Buffer.alloc(16)]), Buffer.concat([bytes, Buffer.alloc(32)]),
    ].map((b) => b.toString("base64"));
    for (const encrypt of [...variants, "", "@@@@", "abc", `${ENCRYPT} `, ENCRYPT.replaceAll("+", "-"), ENCRYPT.slice(0, -2), `=${ENCRYPT}`]) {
      expect(() => decrypt(encrypt)).toThrow(WechatCryptoError);
    }
  });

  it("rejects another account's AppID, or one that is a prefix or extension of it", () => {
    expect(reasonOf(() => decrypt(ENCRYPT, "wxb11529c136998cb7"))).toBe("AppID mismatch");
    expect(reasonOf(() => decrypt(ENCRYPT, "wxb11529c136998cb"))).toBe("AppID mismatch");
    expect(reasonOf(() => decrypt(ENCRYPT, `${APP_ID}0`))).toBe("AppID mismatch");
    expect(() => decrypt(ENCRYPT, "")).toThrow(WechatCryptoError);
  });

  it.each([
    ["pad byte 0", fill(0)],
    ["pad byte 33", fill(33, 32)],
    ["16-byte PKCS#7 (Node's default)", pkcs7(16)],
  ])("rejects %s", (_, padding) => {
    expect(() => decrypt(sealRaw(plaintext({ padding })))).toThrow(WechatCryptoError);
  });

  it("rejects pad bytes that are not all equal", () => {
    const padding = (n: number) => {
      const pad = pkcs7(32)(n);
      pad[0] ^= 0x01;
      return pad;
    };
    expect(reasonOf(() => decrypt(sealRaw(plaintext({ padding }))))).toBe("bad padding");
  });

  it.each([
    ["longer than the content", 2 + APP_ID.length + 1, "bad length field"],
    ["far too long", 0xffffffff, "bad length field"],
    ["one byte short", 1, "AppID mismatch"],
  ])("rejects a length field %s", (_, length, reason) => {
    expect(reasonOf(() => decrypt(sealRaw(plaintext({ length, padding: pkcs7(32) }))))).toBe(reason);
  });

  it("rejects a message that is not UTF-8", () => {
    const sealed = sealRaw(plaintext({ message: Buffer.from([0x61, 0xff, 0x62]), padding: pkcs7(32) }));
    expect(reasonOf(() => decrypt(sealed))).toBe("the message is not UTF-8");
  });

  it("tries the previous key after the current one and says which one worked", () => {
    const encrypt = encryptMessage({ message: MESSAGE, appId: APP_ID, encodingAesKey: PREVIOUS_KEY });
    expect(decrypt(encrypt, APP_ID, [KEY, PREVIOUS_KEY])).toEqual({ message: MESSAGE, keyIndex: 1 });
    expect(decrypt(ENCRYPT, APP_ID, [KEY, PREVIOUS_KEY])).toEqual({ message: MESSAGE, keyIndex: 0 });
    expect(reasonOf(() => decrypt(encrypt, APP_ID, [KEY]))).toBe("bad padding");
    expect(() => decrypt(encrypt, APP_ID, [])).toThrow(WechatCryptoError);
    expect(() => decrypt(encrypt, APP_ID, [KEY, "not-a-key"])).toThrow(WechatCryptoError);
  });
});
