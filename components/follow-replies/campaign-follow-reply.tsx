import { getFollowReply } from "@/lib/follow-replies/get-follow-replies";
import type { Dictionary } from "@/lib/i18n/locales";
import { listLibraryImages } from "@/lib/media/manage-media";
import { FollowReplySection } from "./follow-reply-section";

/** The campaign page's follow reply, sent on the campaign's days to follows through its codes. */
export async function CampaignFollowReply({ account, campaignId, t }: { account: { id: string; name: string }; campaignId: string; t: Dictionary }) {
  const [images, reply] = await Promise.all([listLibraryImages(account.id), getFollowReply(account.id, "campaign", campaignId)]);
  return <FollowReplySection t={t} accountId={account.id} accountName={account.name} scope="campaign" scopeId={campaignId} reply={reply} images={images} promoterName={t.followReplies.previewPromoter} />;
}
