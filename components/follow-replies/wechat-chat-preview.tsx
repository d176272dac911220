// A reply as the follower sees it in WeChat's chat: the account's avatar on the left and a white
// bubble (text), the picture itself (image), or the one-article card (title; summary beside the cover).
// Used by every follow-reply editor and the keyword-rule form.
export type PreviewReply = { kind: string; content?: string | null; mediaId?: string | null; title?: string | null; description?: string | null; picUrl?: string | null; url?: string | null };
/** Uploaded images the browser can load: by media_id (image replies) and by WeChat url (news covers). */
export type PreviewImages = { byMediaId: Record<string, string>; byUrl: Record<string, string> };

type Props = { reply: PreviewReply; images?: PreviewImages; accountName: string; emptyLabel: string };

export function isEmptyReply(reply: PreviewReply): boolean {
  if (reply.kind === "text") return !reply.content;
  if (reply.kind === "image") return !reply.mediaId;
  return !reply.title;
}

function Body({ reply, images }: { reply: PreviewReply; images?: PreviewImages }) {
  if (reply.kind === "text") {
    return <p className="max-w-[15rem] whitespace-pre-wrap break-words rounded-md bg-white px-3 py-2 text-[15px] leading-snug text-slate-900 shadow-sm" data-testid="preview-text">{reply.content}</p>;
  }
  if (reply.kind === "image") {
    const src = reply.mediaId ? images?.byMediaId[reply.mediaId] : undefined;
    return src ? (
      // eslint-disable-next-line @next/next/no-img-element -- the account's own uploaded image, served by /api/media
      <img src={src} alt="" className="max-h-48 max-w-[10rem] rounded-md object-contain shadow-sm" data-testid="preview-image" data-media-id={reply.mediaId ?? ""} />
    ) : (
      <p className="rounded-md bg-white px-3 py-6 text-xs text-slate-500 shadow-sm" data-testid="preview-image" data-media-id={reply.mediaId ?? ""}>🖼 {reply.mediaId}</p>
    );
  }
  const cover = reply.picUrl ? (images?.byUrl[reply.picUrl] ?? reply.picUrl) : null;
  return (
    <a href={reply.url ?? undefined} target="_blank" rel="noreferrer noopener" className="block w-[15rem] rounded-md bg-white p-3 shadow-sm" data-testid="preview-news">
      <p className="line-clamp-2 text-[15px] font-medium leading-snug text-slate-900">{reply.title}</p>
      <div className="mt-2 flex gap-2">
        <p className="line-clamp-3 flex-1 text-xs leading-relaxed text-slate-500">{reply.description}</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- the operator's cover image, any host */}
        {cover ? <img src={cover} alt="" className="h-12 w-12 shrink-0 rounded-sm object-cover" /> : null}
      </div>
    </a>
  );
}

export function WechatChatPreview({ reply, images, accountName, emptyLabel }: Props) {
  if (isEmptyReply(reply)) return <p className="text-sm text-slate-400">{emptyLabel}</p>;
  return (
    <div className="rounded-lg bg-[#ededed] p-3" data-testid="reply-preview" data-kind={reply.kind}>
      <div className="flex items-start gap-2">
        {/* The avatar carries no text, so the preview's text is exactly the reply's. */}
        <span role="img" aria-label={accountName} title={accountName} className="h-9 w-9 shrink-0 rounded-md bg-brand-600" />
        <Body reply={reply} images={images} />
      </div>
    </div>
  );
}
