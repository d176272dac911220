// The EncodingAESKey of WeChat's safe and compatible modes: 43 base64 characters that decode to an AES-256 key.
import { WechatCryptoError } from "./wechat-crypto-error";

/** WeChat pads plaintexts (PKCS#7) to a multiple of 32 bytes, not AES's 16. */
export const PAD_BLOCK_BYTES = 32;
/** Bytes before the message: 16 random bytes and a 4-byte big-endian length. */
export const RANDOM_BYTES = 16;
export const HEADER_BYTES = RANDOM_BYTES + 4;

const KEY_PATTERN = /^[0-9a-zA-Z]{43}$/;

/** base64decode(EncodingAESKey + "="); throws WechatCryptoError unless it is 43 letters or digits giving 32 bytes. */
export function decodeAesKey(encodingAesKey: string): Buffer {
  if (typeof encodingAesKey !== "string" || !KEY_PATTERN.test(encodingAesKey)) {
    throw new WechatCryptoError("the EncodingAESKey must be 43 letters or digits");
  }
  const key = Buffer.from(`${encodingAesKey}=`, "base64");
  if (key.length !== 32) throw new WechatCryptoError("the EncodingAESKey does not decode to 32 bytes");
  return key;
}
