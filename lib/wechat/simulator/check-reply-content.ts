// What WeChat checks in an image or news passive reply before showing it: an image names a permanent
// material of the account; a news reply carries exactly one article with a title and a link.
import { XMLParser } from "fast-xml-parser";

const parser = new XMLParser({ processEntities: false, parseTagValue: false, ignoreAttributes: true, trimValues: true, maxNestedTags: 8 });

export type ReplyContentCheck = { ok: true } | { ok: false; problem: string };

/** `xml` is a well-formed plaintext reply (checkReplyXml passed); hasMedia says whether the account owns a media_id. */
export function checkReplyContent(xml: string, hasMedia: (mediaId: string) => boolean): ReplyContentCheck {
  const f = (parser.parse(xml) as { xml: Record<string, unknown> }).xml;
  if (f.MsgType === "image") {
    const mediaId = (f.Image as { MediaId?: unknown } | undefined)?.MediaId;
    if (typeof mediaId !== "string" || !mediaId) return { ok: false, problem: "an image reply without Image/MediaId" };
    if (!hasMedia(mediaId)) return { ok: false, problem: `the image reply's MediaId ${mediaId} is not a material of this account (40007 invalid media_id)` };
  }
  if (f.MsgType === "news") {
    if (f.ArticleCount !== "1") return { ok: false, problem: "a news reply must have ArticleCount 1" };
    const item = (f.Articles as { item?: unknown } | undefined)?.item;
    if (!item || typeof item !== "object" || Array.isArray(item)) return { ok: false, problem: "a news reply must have exactly one Articles/item" };
    const { Title, Url } = item as Record<string, unknown>;
    if (typeof Title !== "string" || !Title) return { ok: false, problem: "the news article has no Title" };
    if (typeof Url !== "string" || !/^https?:\/\//.test(Url)) return { ok: false, problem: "the news article has no http(s) Url" };
  }
  return { ok: true };
}
