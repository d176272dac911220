import Link from "next/link";
import { BulkLinksForm } from "@/components/links/bulk-links-form";
import { NoAccount } from "@/components/no-account";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { parseIdList } from "@/lib/batch/parse-id-list";
import { listCampaigns } from "@/lib/campaigns/save-campaign";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { listTeams } from "@/lib/teams/get-team-board";

// Issuing and downloading private links for many promoters at once (admins): ?ids=a,b for the ticked ones.
export default async function BulkLinksPage({ searchParams }: { searchParams: Promise<{ ids?: string | string[] }> }) {
  await requireUser("write");
  const [{ t }, { account }, params] = await Promise.all([getDictionary(), getActiveAccount(), searchParams]);
  if (!account) return <NoAccount message={t.promoters.needAccount} linkLabel={t.promoters.goToSettings} />;
  const l = t.links;
  const [teams, campaigns] = await Promise.all([listTeams(account.id), listCampaigns(account.id)]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link href="/promoters" className="text-sm text-slate-500 hover:underline">← {l.back}</Link>
      <div>
        <h1 className="text-2xl font-semibold">{l.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{l.intro}</p>
      </div>
      <section aria-label={l.title} className="rounded-xl border border-slate-200 bg-white p-5">
        <BulkLinksForm
          ids={parseIdList(params.ids) ?? []}
          teams={teams.map(({ id, name }) => ({ id, name }))}
          campaigns={campaigns.map(({ id, name }) => ({ id, name }))}
        />
      </section>
    </div>
  );
}
