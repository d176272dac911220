import Link from "next/link";
import type { Dictionary } from "@/lib/i18n/locales";
import { listFollowerTags } from "@/lib/tags/list-follower-tags";

const STATUS_STYLE: Record<string, string> = {
  pending: "bg-amber-50 text-amber-800",
  done: "bg-emerald-50 text-emerald-700",
  failed: "bg-red-50 text-red-700",
};

/** On a promoter's page: each of their followers' WeChat tags and where tagging stands (nothing when none is mapped). */
export async function PromoterFollowerTags({ accountId, promoterId, t }: { accountId: string; promoterId: string; t: Dictionary }) {
  const followers = await listFollowerTags(accountId, promoterId);
  if (!followers.length) return null;
  const g = t.tags;
  return (
    <section className="rounded-xl border border-slate-200 bg-white" aria-labelledby="follower-tags-title" data-testid="follower-tags">
      <h2 id="follower-tags-title" className="flex items-baseline justify-between border-b border-slate-100 px-4 py-3 font-medium">
        {g.followerTags} <Link href="/tags" className="text-xs font-normal underline">{g.title}</Link>
      </h2>
      <ul className="divide-y divide-slate-100 text-sm">
        {followers.map((f) => (
          <li key={f.followerId} className="flex flex-wrap items-center gap-2 px-4 py-2" data-testid="follower-tag-row" data-openid={f.openid}>
            <code className="text-xs">{f.openid}</code>
            {f.tags.map((tag) => (
              <span key={tag.name} className={`rounded-full px-2 py-0.5 text-xs ${STATUS_STYLE[tag.status] ?? ""}`} data-status={tag.status}>
                {tag.name} · {(g.statuses as Record<string, string>)[tag.status] ?? tag.status}{tag.errcode !== null && tag.status === "failed" ? ` (${tag.errcode})` : ""}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
