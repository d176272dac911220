// What WeChat would make of a callback's answer: "success" or empty, a passive reply (decrypted), or an error screen.
import { openEncryptedReply } from "../crypto/open-encrypted-reply";
import { WechatCryptoError } from "../crypto/wechat-crypto-error";
import { checkReplyXml } from "../check-reply-xml";
import type { PushMode } from "./build-push-body";

export type CallbackReply = {
  /** The passive reply: decrypted when it came as an encrypted envelope, else the raw XML. */
  reply?: string;
  /** Why WeChat would not deliver the reply (or would show the follower "该公众号暂时无法提供服务"). */
  replyError?: string;
};

export type ReplyContext = {
  mode: PushMode;
  token: string;
  appId?: string;
  encodingAesKey?: string;
  /** When set, the reply must also be addressed as WeChat requires (To = the follower, From = the account, fresh CreateTime). */
  addressed?: { openid: string; accountId: string };
};

/** readCallbackReply, then the addressing WeChat checks before it shows a reply to the follower. */
export function readCheckedReply(status: number, body: string, context: ReplyContext): CallbackReply {
  const read = readCallbackReply(status, body, context);
  if (!read.reply || read.replyError || !context.addressed) return read;
  const checked = checkReplyXml(read.reply, context.addressed);
  return checked.ok ? read : { ...read, replyError: `${SERVICE_ERROR} (${checked.problem})` };
}

const SERVICE_ERROR = "WeChat would show the follower 该公众号暂时无法提供服务";

function openEnvelope(body: string, { mode, token, appId, encodingAesKey }: ReplyContext): CallbackReply {
  if (mode === "plain") return { replyError: "an encrypted reply to a plain-mode push" };
  if (!appId || !encodingAesKey) return { replyError: "an encrypted reply, but no AppID or EncodingAESKey to open it" };
  try {
    return { reply: openEncryptedReply({ body, token, appId, encodingAesKeys: [encodingAesKey] }).replyXml };
  } catch (error) {
    if (error instanceof WechatCryptoError) return { replyError: `the encrypted reply is invalid: ${error.reason}` };
    throw error;
  }
}

/** Reads a 2xx callback answer the way WeChat does; other statuses are left to the caller. */
export function readCallbackReply(status: number, body: string, context: ReplyContext): CallbackReply {
  if (status < 200 || status > 299) return {};
  const trimmed = body.trim();
  if (trimmed === "" || trimmed === "success") return {};
  if (!/^(<\?xml[^>]*\?>\s*)?<xml>/.test(trimmed)) return { replyError: `${SERVICE_ERROR} (the answer is neither "success" nor XML)` };
  if (/<Encrypt>/.test(trimmed)) return openEnvelope(trimmed, context);
  if (!/<MsgType>/.test(trimmed)) return { reply: body, replyError: `${SERVICE_ERROR} (a reply without MsgType)` };
  if (context.mode === "safe") return { reply: body, replyError: "a plain reply to a safe-mode push: WeChat needs it encrypted" };
  return { reply: body };
}
