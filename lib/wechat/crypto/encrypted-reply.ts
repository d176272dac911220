// Passive replies: the plain text-message XML, and the encrypted envelope safe mode requires around any reply.
import crypto from "node:crypto";
import { encryptMessage } from "./encrypt-message";
import { msgSignature } from "./message-signature";
import { WechatCryptoError } from "./wechat-crypto-error";

const cdata = (value: string) => `<![CDATA[${value.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

export type EncryptedReplyInput = {
  replyXml: string;
  appId: string;
  encodingAesKey: string;
  token: string;
  timestamp?: string;
  nonce?: string;
};

/** `<xml><Encrypt/><MsgSignature/><TimeStamp/><Nonce/></xml>` around replyXml, signed with the account's Token. */
export function buildEncryptedReply({ replyXml, appId, encodingAesKey, token, timestamp = String(nowSeconds()), nonce }: EncryptedReplyInput): string {
  if (!/^\d{1,15}$/.test(timestamp)) throw new WechatCryptoError("the reply timestamp must be digits");
  const replyNonce = nonce ?? String(crypto.randomInt(100_000_000, 2_147_483_647));
  const encrypt = encryptMessage({ message: replyXml, appId, encodingAesKey });
  return [
    "<xml>",
    `<Encrypt>${cdata(encrypt)}</Encrypt>`,
    `<MsgSignature>${cdata(msgSignature(token, timestamp, replyNonce, encrypt))}</MsgSignature>`,
    `<TimeStamp>${timestamp}</TimeStamp>`,
    `<Nonce>${cdata(replyNonce)}</Nonce>`,
    "</xml>",
  ].join("");
}

export type TextReplyInput = {
  /** The follower's openid (the push's FromUserName). */
  toUser: string;
  /** The account's original id, gh_… (the push's ToUserName). */
  fromUser: string;
  content: string;
  createTime?: number;
};

/** A passive text reply; `]]>` inside any value is split across CDATA sections. */
export function buildTextReply({ toUser, fromUser, content, createTime = nowSeconds() }: TextReplyInput): string {
  return [
    "<xml>",
    `<ToUserName>${cdata(toUser)}</ToUserName>`,
    `<FromUserName>${cdata(fromUser)}</FromUserName>`,
    `<CreateTime>${Math.trunc(createTime)}</CreateTime>`,
    `<MsgType>${cdata("text")}</MsgType>`,
    `<Content>${cdata(content)}</Content>`,
    "</xml>",
  ].join("");
}
