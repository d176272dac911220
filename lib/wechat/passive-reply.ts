// Passive replies (被动回复) beyond text: image and a one-article news message, from one reply shape.
import { buildTextReply } from "./crypto/encrypted-reply";

const cdata = (value: string) => `<![CDATA[${value.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;

export type ReplyContent =
  | { kind: "text"; content: string }
  | { kind: "image"; mediaId: string }
  | { kind: "news"; title: string; description: string; picUrl: string; url: string };

export type PassiveReplyInput = {
  /** The follower's openid (the push's FromUserName). */
  toUser: string;
  /** The account's gh_ id (the push's ToUserName). */
  fromUser: string;
  reply: ReplyContent;
  createTime?: number;
};

/** The plaintext XML of a passive reply; encrypt it with buildEncryptedReply for safe mode. */
export function buildPassiveReply({ toUser, fromUser, reply, createTime = Math.floor(Date.now() / 1000) }: PassiveReplyInput): string {
  if (reply.kind === "text") return buildTextReply({ toUser, fromUser, content: reply.content, createTime });
  const head = [
    "<xml>",
    `<ToUserName>${cdata(toUser)}</ToUserName>`,
    `<FromUserName>${cdata(fromUser)}</FromUserName>`,
    `<CreateTime>${Math.trunc(createTime)}</CreateTime>`,
    `<MsgType>${cdata(reply.kind)}</MsgType>`,
  ];
  if (reply.kind === "image") return [...head, `<Image><MediaId>${cdata(reply.mediaId)}</MediaId></Image>`, "</xml>"].join("");
  const article = [
    `<Title>${cdata(reply.title)}</Title>`,
    `<Description>${cdata(reply.description)}</Description>`,
    `<PicUrl>${cdata(reply.picUrl)}</PicUrl>`,
    `<Url>${cdata(reply.url)}</Url>`,
  ].join("");
  return [...head, "<ArticleCount>1</ArticleCount>", `<Articles><item>${article}</item></Articles>`, "</xml>"].join("");
}
