import { format, type Dictionary } from "@/lib/i18n/locales";
import type { FollowReplySpec } from "@/lib/follow-replies/follow-reply-schema";
import { FollowReplyEditor, type LibraryImage } from "./follow-reply-editor";

type Code = { id: string; sceneKey: string; label: string | null };
type Props = { accountId: string; accountName: string; promoterName: string; codes: Code[]; replies: Map<string, FollowReplySpec>; images: LibraryImage[]; t: Dictionary };

/** Each of a promoter's codes with its own follow reply (the highest level), folded until opened. */
export function CodeFollowReplies({ accountId, accountName, promoterName, codes, replies, images, t }: Props) {
  const f = t.followReplies;
  if (!codes.length) return null;
  return (
    <section className="space-y-2 rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="code-follow-replies">
      <h2 id="code-follow-replies" className="font-medium">{f.title} · {t.qrcodes.title}</h2>
      <p className="text-sm text-slate-600">{f.scopes.code}</p>
      <ul className="divide-y divide-slate-100">
        {codes.map((code) => {
          const reply = replies.get(code.id) ?? null;
          return (
            <li key={code.id} className="py-2">
              <details data-testid="code-reply" data-scene={code.sceneKey}>
                <summary className="cursor-pointer text-sm">
                  <span className="font-mono">{code.sceneKey}</span>
                  {code.label ? <span className="ml-2 text-slate-600">{code.label}</span> : null}
                  <span className="ml-2 text-xs text-slate-500">{reply ? format(f.current, { kind: (f.kinds as Record<string, string>)[reply.kind] ?? reply.kind }) : f.none}</span>
                </summary>
                <div className="mt-3">
                  <FollowReplyEditor accountId={accountId} accountName={accountName} scope="code" scopeId={code.id} reply={reply} images={images} promoterName={promoterName} testId={`follow-reply-code-${code.sceneKey}`} />
                </div>
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
