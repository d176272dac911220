import type { FollowReplyScope, FollowReplySpec } from "@/lib/follow-replies/follow-reply-schema";
import type { Dictionary } from "@/lib/i18n/locales";
import { FollowReplyEditor, type LibraryImage } from "./follow-reply-editor";

type Props = {
  accountId: string;
  accountName: string;
  scope: FollowReplyScope;
  scopeId: string;
  reply: FollowReplySpec | null;
  images: LibraryImage[];
  promoterName?: string;
  t: Dictionary;
};

/** A card with one scope's follow reply: what the level means in the precedence, then the editor. */
export function FollowReplySection({ t, scope, ...editor }: Props) {
  const f = t.followReplies;
  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5" aria-labelledby={`follow-reply-${scope}`}>
      <div>
        <h2 id={`follow-reply-${scope}`} className="font-medium">{f.title}</h2>
        <p className="mt-1 text-sm text-slate-600">{f.scopes[scope]}</p>
      </div>
      <FollowReplyEditor scope={scope} testId={`follow-reply-${scope}`} {...editor} />
    </section>
  );
}
