import { MediaLibrary } from "@/components/media/media-library";
import { getFollowReply } from "@/lib/follow-replies/get-follow-replies";
import type { Dictionary } from "@/lib/i18n/locales";
import { listMediaAssets } from "@/lib/media/manage-media";
import { FollowReplySection } from "./follow-reply-section";

type Props = { account: { id: string; name: string }; canEdit: boolean; t: Dictionary };

/** The settings page's image library and the account-level follow reply (the lowest level). */
export async function AccountFollowReplies({ account, canEdit, t }: Props) {
  const [assets, reply] = await Promise.all([listMediaAssets(account.id), getFollowReply(account.id, "account", account.id)]);
  const images = assets.map((a) => ({ mediaId: a.mediaId, fileName: a.fileName, src: `/api/media/${a.id}`, url: a.url }));
  return (
    <>
      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="media-title" data-testid="media-library">
        <div>
          <h2 id="media-title" className="font-medium">{t.media.title}</h2>
          <p className="mt-1 text-sm text-slate-600">{t.media.intro}</p>
        </div>
        <MediaLibrary accountId={account.id} canEdit={canEdit} rows={assets.map((a) => ({ id: a.id, mediaId: a.mediaId, fileName: a.fileName, size: a.size, createdAt: a.createdAt.toISOString() }))} />
      </section>
      {canEdit ? <FollowReplySection t={t} accountId={account.id} accountName={account.name} scope="account" scopeId={account.id} reply={reply} images={images} promoterName={t.followReplies.previewPromoter} /> : null}
    </>
  );
}
