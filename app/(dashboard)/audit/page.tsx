import Link from "next/link";
import { z } from "zod";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { listAudit, listAuditActors } from "@/lib/audit/list-audit";
import { requireUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";
import { DEFAULT_TIMEZONE } from "@/lib/stats/day";

export const dynamic = "force-dynamic";

// Anything malformed is dropped rather than rejected: a bad bookmark still shows the log.
const querySchema = z.object({
  action: z.string().regex(/^[a-z][a-z.-]{0,59}$/).optional().catch(undefined),
  actor: z.string().min(1).max(254).optional().catch(undefined),
  cursor: z.coerce.number().int().positive().optional().catch(undefined),
});

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("manage-users");
  const query = querySchema.parse(await searchParams);
  const [{ t, locale }, { account }, { entries, nextCursor }, actors] = await Promise.all([getDictionary(), getActiveAccount(), listAudit(query), listAuditActors()]);
  const a = t.admin.audit;
  const timeZone = account?.timezone ?? DEFAULT_TIMEZONE;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone });
  const filters = { ...(query.action ? { action: query.action } : {}), ...(query.actor ? { actor: query.actor } : {}) };
  const filtered = Object.keys(filters).length > 0;
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{a.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{format(a.intro, { timezone: timeZone })}</p>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white">
        <AuditFilters t={t} actors={actors} action={query.action ?? ""} actor={query.actor ?? ""} />
        {entries.length === 0 ? (
          <p className="p-8 text-center text-sm text-slate-500" data-testid="audit-empty">{filtered || query.cursor ? a.noResults : a.empty}</p>
        ) : (
          <AuditTable entries={entries} t={t} when={when} />
        )}
        {query.cursor || nextCursor ? (
          <nav className="flex flex-wrap justify-between gap-2 border-t border-slate-200 p-3 text-sm" aria-label="pagination">
            {query.cursor ? <Link href={`/audit?${new URLSearchParams(filters)}`} className="rounded px-2.5 py-1 hover:bg-slate-100">← {a.newest}</Link> : <span />}
            {nextCursor ? (
              <Link href={`/audit?${new URLSearchParams({ ...filters, cursor: String(nextCursor) })}`} data-testid="audit-older" className="rounded px-2.5 py-1 hover:bg-slate-100">{a.older} →</Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
