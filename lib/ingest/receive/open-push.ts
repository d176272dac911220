import { decryptMessage } from "../../wechat/crypto/decrypt-message";
import { verifyMsgSignature } from "../../wechat/crypto/message-signature";
import { parseEncryptedEnvelope } from "../../wechat/parse-message";

export class PushRefusedError extends Error {
  constructor(readonly status: 400 | 401, message: string) {
    super(message);
  }
}

type PushAccount = { appId: string; token: string; mode: string; encodingAesKey: string | null; previousEncodingAesKey: string | null };

/** key: the EncodingAESKey that opened the push (its reply is sealed with it); previousKey: it was the previous one. */
export type OpenedPush = { xml: string; encrypted: boolean; key: string | null; previousKey: boolean };

/**
 * The plaintext XML of a push whose query signature was already verified. An encrypted push
 * (encrypt_type=aes: compatible or safe mode) must carry a valid msg_signature over its
 * ciphertext and decrypt under the current or previous EncodingAESKey to this AppID. In compatible
 * and safe mode a plaintext push is refused: the plain signature covers no body bytes.
 */
export function openPush(account: PushAccount, query: URLSearchParams, body: string): OpenedPush {
  if (query.get("encrypt_type") !== "aes") {
    // Compatible mode sends every push encrypted too (beside the plain fields): a push without
    // encrypt_type=aes is one WeChat would not send, e.g. a captured query with the flag removed.
    if (account.mode !== "plain") throw new PushRefusedError(401, `Plaintext pushes are refused in ${account.mode} mode`);
    return { xml: body, encrypted: false, key: null, previousKey: false };
  }
  const keys = [account.encodingAesKey, account.previousEncodingAesKey].filter((k): k is string => !!k);
  if (!keys.length) throw new PushRefusedError(400, "Encrypted push, but no EncodingAESKey is configured for this account");
  const { encrypt } = parseEncryptedEnvelope(body);
  const signed = verifyMsgSignature({
    token: account.token,
    timestamp: query.get("timestamp") ?? "",
    nonce: query.get("nonce") ?? "",
    encrypt,
    msgSignature: query.get("msg_signature") ?? "",
  });
  if (!signed) throw new PushRefusedError(401, "Bad msg_signature");
  const { message, keyIndex } = decryptMessage({ encrypt, appId: account.appId, encodingAesKeys: keys });
  const key = keys[keyIndex];
  return { xml: message, encrypted: true, key, previousKey: key !== account.encodingAesKey };
}
