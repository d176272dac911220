// How a reply looks in the follower's chat, roughly as WeChat draws it (a bubble, an image slot, a news card).
type Draft = { kind: string; content?: string; mediaId?: string; title?: string; description?: string; picUrl?: string };

export function ReplyPreview({ draft, emptyLabel }: { draft: Draft; emptyLabel: string }) {
  const empty = draft.kind === "text" ? !draft.content : draft.kind === "image" ? !draft.mediaId : !draft.title;
  if (empty) return <p className="text-sm text-slate-400">{emptyLabel}</p>;
  if (draft.kind === "text") return <p className="inline-block max-w-xs whitespace-pre-wrap rounded-lg bg-white px-3 py-2 text-sm shadow-sm" data-testid="reply-preview">{draft.content}</p>;
  if (draft.kind === "image") return <p className="inline-block rounded-lg bg-white px-3 py-6 text-xs text-slate-500 shadow-sm" data-testid="reply-preview">🖼 {draft.mediaId}</p>;
  return (
    <div className="max-w-xs rounded-lg bg-white p-3 shadow-sm" data-testid="reply-preview">
      <p className="text-sm font-medium">{draft.title}</p>
      <div className="mt-1 flex gap-2">
        <p className="flex-1 text-xs text-slate-500">{draft.description}</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- the operator's own cover image, any host */}
        {draft.picUrl ? <img src={draft.picUrl} alt="" className="h-12 w-12 rounded object-cover" /> : null}
      </div>
    </div>
  );
}
