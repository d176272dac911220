// Strict decryption of WeChat's Encrypt values, trying the current EncodingAESKey first and then the previous one.
import crypto from "node:crypto";
import { decodeAesKey, HEADER_BYTES, PAD_BLOCK_BYTES } from "./aes-key";
import { WechatCryptoError } from "./wechat-crypto-error";

export type DecryptMessageInput = {
  encrypt: string;
  appId: string;
  /** The current key first, then the previous one (WeChat may still use it for a while after a change). */
  encodingAesKeys: string[];
};

export type DecryptedMessage = { message: string; keyIndex: number };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// Ordered by how far a key got: when every key fails, the furthest reason is reported.
const FAILURES = ["bad padding", "bad length field", "AppID mismatch", "the message is not UTF-8"] as const;
type Failure = (typeof FAILURES)[number];

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function decodeCiphertext(encrypt: string): Buffer {
  if (typeof encrypt !== "string" || encrypt === "" || !BASE64.test(encrypt)) throw new WechatCryptoError("Encrypt is not base64");
  const ciphertext = Buffer.from(encrypt, "base64");
  if (ciphertext.length === 0 || ciphertext.length % 16 !== 0) throw new WechatCryptoError("the ciphertext is not a whole number of AES blocks");
  return ciphertext;
}

function openWith(key: Buffer, ciphertext: Buffer, appId: Buffer): { message: string } | { failure: Failure } {
  const decipher = crypto.createDecipheriv("aes-256-cbc", key, key.subarray(0, 16)).setAutoPadding(false);
  const plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  const pad = plaintext[plaintext.length - 1];
  if (plaintext.length % PAD_BLOCK_BYTES !== 0 || pad < 1 || pad > PAD_BLOCK_BYTES) return { failure: "bad padding" };
  for (let i = plaintext.length - pad; i < plaintext.length; i++) {
    if (plaintext[i] !== pad) return { failure: "bad padding" };
  }
  const contentEnd = plaintext.length - pad;
  if (contentEnd < HEADER_BYTES) return { failure: "bad length field" };
  const length = plaintext.readUInt32BE(HEADER_BYTES - 4);
  if (HEADER_BYTES + length > contentEnd) return { failure: "bad length field" };
  const trailer = plaintext.subarray(HEADER_BYTES + length, contentEnd);
  if (trailer.length !== appId.length || !crypto.timingSafeEqual(trailer, appId)) return { failure: "AppID mismatch" };
  try {
    return { message: utf8.decode(plaintext.subarray(HEADER_BYTES, HEADER_BYTES + length)) };
  } catch {
    return { failure: "the message is not UTF-8" };
  }
}

/** Decrypts and checks an Encrypt value; throws WechatCryptoError with a short reason when no key opens it. */
export function decryptMessage({ encrypt, appId, encodingAesKeys }: DecryptMessageInput): DecryptedMessage {
  if (!Array.isArray(encodingAesKeys) || encodingAesKeys.length === 0) throw new WechatCryptoError("no EncodingAESKey is configured");
  if (typeof appId !== "string" || appId === "") throw new WechatCryptoError("the AppID is empty");
  const keys = encodingAesKeys.map(decodeAesKey);
  const ciphertext = decodeCiphertext(encrypt);
  if (ciphertext.length % PAD_BLOCK_BYTES !== 0) throw new WechatCryptoError("bad padding");
  const expectedAppId = Buffer.from(appId, "utf8");
  let furthest = 0;
  for (const [keyIndex, key] of keys.entries()) {
    const result = openWith(key, ciphertext, expectedAppId);
    if ("message" in result) return { message: result.message, keyIndex };
    furthest = Math.max(furthest, FAILURES.indexOf(result.failure));
  }
  throw new WechatCryptoError(FAILURES[furthest]);
}
