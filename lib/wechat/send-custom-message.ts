// 客服消息: a message to a follower outside a passive reply. WeChat accepts it only within 48 hours of the
// follower's last message or interaction with the account (errcode 45015 after that).
import { withAccessToken } from "./access-token";
import { wechatRequest } from "./api-client";

/** The longest text a custom message may carry (WeChat's documented limit is 2048 bytes; stay well inside). */
const MAX_CONTENT_CHARS = 600;

/** Sends a text custom message; throws WechatApiError (e.g. 45015) or WechatNetworkError. */
export async function sendCustomText(accountId: string, openid: string, content: string): Promise<void> {
  const text = content.slice(0, MAX_CONTENT_CHARS);
  await withAccessToken(accountId, (token) =>
    wechatRequest<unknown>("/cgi-bin/message/custom/send", { query: { access_token: token }, body: { touser: openid, msgtype: "text", text: { content: text } } }),
  );
}
