// The inverse of buildEncryptedReply: checks an encrypted reply envelope's MsgSignature and decrypts it.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { decryptMessage } from "./decrypt-message";
import { verifyMsgSignature } from "./message-signature";
import { WechatCryptoError } from "./wechat-crypto-error";

export type OpenEncryptedReplyInput = {
  body: string;
  token: string;
  appId: string;
  encodingAesKeys: string[];
};

export type OpenedReply = { replyXml: string; keyIndex: number; timestamp: string; nonce: string };

const parser = new XMLParser({ processEntities: false, parseTagValue: false, ignoreAttributes: true, trimValues: true });
const FIELDS = ["Encrypt", "MsgSignature", "TimeStamp", "Nonce"] as const;

function readEnvelope(body: string): Record<(typeof FIELDS)[number], string> {
  if (typeof body !== "string" || /<!(DOCTYPE|ENTITY)/i.test(body) || XMLValidator.validate(body) !== true) {
    throw new WechatCryptoError("the reply is not well-formed XML");
  }
  let root: unknown;
  try {
    root = (parser.parse(body) as { xml?: unknown }).xml;
  } catch {
    throw new WechatCryptoError("the reply is not well-formed XML");
  }
  if (root === null || typeof root !== "object") throw new WechatCryptoError("the reply has no <xml> root");
  const fields = root as Record<string, unknown>;
  for (const name of FIELDS) {
    if (typeof fields[name] !== "string" || fields[name] === "") throw new WechatCryptoError(`the reply has no <${name}>`);
  }
  return fields as Record<(typeof FIELDS)[number], string>;
}

/** Verifies MsgSignature with the Token, then decrypts Encrypt; throws WechatCryptoError when either fails. */
export function openEncryptedReply({ body, token, appId, encodingAesKeys }: OpenEncryptedReplyInput): OpenedReply {
  const { Encrypt: encrypt, MsgSignature: signature, TimeStamp: timestamp, Nonce: nonce } = readEnvelope(body);
  if (!verifyMsgSignature({ token, timestamp, nonce, encrypt, msgSignature: signature })) {
    throw new WechatCryptoError("bad MsgSignature");
  }
  const { message, keyIndex } = decryptMessage({ encrypt, appId, encodingAesKeys });
  return { replyXml: message, keyIndex, timestamp, nonce };
}
