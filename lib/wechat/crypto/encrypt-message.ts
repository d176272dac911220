// WeChat's message encryption (safe and compatible modes): AES-256-CBC over random + length + message + AppID.
import crypto from "node:crypto";
import { decodeAesKey, PAD_BLOCK_BYTES, RANDOM_BYTES } from "./aes-key";
import { WechatCryptoError } from "./wechat-crypto-error";

export type EncryptMessageInput = {
  message: string;
  appId: string;
  encodingAesKey: string;
  /** The 16 leading random bytes; only tests fix them. */
  random?: Buffer;
};

/** The base64 `Encrypt` value WeChat would send (or expects in a reply) for this message. */
export function encryptMessage({ message, appId, encodingAesKey, random }: EncryptMessageInput): string {
  const key = decodeAesKey(encodingAesKey);
  const prefix = random ?? crypto.randomBytes(RANDOM_BYTES);
  if (prefix.length !== RANDOM_BYTES) throw new WechatCryptoError(`random must be ${RANDOM_BYTES} bytes`);
  if (typeof appId !== "string" || appId === "") throw new WechatCryptoError("the AppID is empty");
  const body = Buffer.from(message, "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const unpadded = Buffer.concat([prefix, length, body, Buffer.from(appId, "utf8")]);
  const pad = PAD_BLOCK_BYTES - (unpadded.length % PAD_BLOCK_BYTES);
  const plaintext = Buffer.concat([unpadded, Buffer.alloc(pad, pad)]);
  const cipher = crypto.createCipheriv("aes-256-cbc", key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(plaintext), cipher.final()]).toString("base64");
}
