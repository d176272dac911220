import { processPush } from "../attribution/process-push";
import type { CallbackAccount } from "../accounts/find-account";
import { buildEncryptedReply } from "../wechat/crypto/encrypted-reply";
import { openPush } from "./open-push";
import { welcomeReply } from "./welcome-reply";

// The welcome reply is extra: if it is not ready this fast, plain "success" goes out instead.
const REPLY_BUDGET_MS = 1000;

function withinBudget<T>(work: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), REPLY_BUDGET_MS)));
  return Promise.race([work.catch(() => fallback), timeout]).finally(() => clearTimeout(timer));
}

/**
 * A verified push, end to end: open (decrypt) it, record it (committed before returning), and
 * build the answer — "success", or a passive welcome reply, encrypted when the push was.
 */
export async function handlePush(account: CallbackAccount, query: URLSearchParams, body: string): Promise<string> {
  const opened = openPush(account, query, body);
  if (opened.keyIndex === 1) console.warn(`wechat callback ${account.appId}: push decrypted with the previous EncodingAESKey`);
  const { message, scene } = await processPush(account, opened.xml);
  if (message.msgType !== "event" || message.event !== "subscribe") return "success";
  const replyXml = await withinBudget(welcomeReply(account, { toUserName: message.toUserName, fromUserName: message.fromUserName, scene }), null);
  if (!replyXml) return "success";
  if (!opened.encrypted) return replyXml;
  return buildEncryptedReply({ replyXml, appId: account.appId, encodingAesKey: account.encodingAesKey!, token: account.token });
}
