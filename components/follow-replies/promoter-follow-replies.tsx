import { getFollowReplies } from "@/lib/follow-replies/get-follow-replies";
import type { Dictionary } from "@/lib/i18n/locales";
import { listLibraryImages } from "@/lib/media/manage-media";
import { CodeFollowReplies } from "./code-follow-replies";
import { FollowReplySection } from "./follow-reply-section";

type Props = {
  account: { id: string; name: string };
  promoter: { id: string; name: string };
  codes: { id: string; sceneKey: string; label: string | null }[];
  t: Dictionary;
};

/** The promoter page's follow replies: the promoter's own, then one per code (which comes first). */
export async function PromoterFollowReplies({ account, promoter, codes, t }: Props) {
  const [images, promoterReplies, codeReplies] = await Promise.all([
    listLibraryImages(account.id),
    getFollowReplies(account.id, "promoter", [promoter.id]),
    getFollowReplies(account.id, "code", codes.map((c) => c.id)),
  ]);
  const common = { accountId: account.id, accountName: account.name, images, promoterName: promoter.name };
  return (
    <>
      <FollowReplySection t={t} scope="promoter" scopeId={promoter.id} reply={promoterReplies.get(promoter.id) ?? null} {...common} />
      <CodeFollowReplies t={t} codes={codes} replies={codeReplies} {...common} />
    </>
  );
}
