// msg_signature of safe and compatible modes: like `signature`, but it also covers the Encrypt value.
import crypto from "node:crypto";
import { wechatSignature } from "../verify-signature";

/** sha1(sort([token, timestamp, nonce, encrypt]).join("")) in lower-case hex. */
export function msgSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return wechatSignature([token, timestamp, nonce, encrypt]);
}

export type SignedEncrypt = {
  token: string;
  timestamp?: string | null;
  nonce?: string | null;
  encrypt?: string | null;
  msgSignature?: string | null;
};

/** True when msgSignature is the one WeChat computes for these values (constant-time compare); false if any is empty. */
export function verifyMsgSignature({ token, timestamp, nonce, encrypt, msgSignature: given }: SignedEncrypt): boolean {
  if (!token || !timestamp || !nonce || !encrypt || !given) return false;
  const expected = Buffer.from(msgSignature(token, timestamp, nonce, encrypt), "utf8");
  const actual = Buffer.from(given, "utf8");
  if (actual.length !== expected.length) return false;
  return crypto.timingSafeEqual(actual, expected);
}
