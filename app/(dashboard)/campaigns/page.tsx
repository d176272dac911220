import Link from "next/link";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { CampaignProgress } from "@/components/campaigns/campaign-progress";
import { NoAccount } from "@/components/no-account";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { campaignStatus } from "@/lib/campaigns/campaign-window";
import { getCampaignNewFollowers } from "@/lib/campaigns/get-campaign-summary";
import { listCampaigns } from "@/lib/campaigns/save-campaign";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";
import { dayOf } from "@/lib/stats/day";

const STATUS_STYLE = { scheduled: "bg-slate-100 text-slate-700", running: "bg-emerald-50 text-emerald-700", ended: "bg-slate-100 text-slate-500" };

// The account's campaigns with their status and progress, and (for admins) creating one.
export default async function CampaignsPage() {
  const user = await requireUser("read");
  const [{ t, locale }, { account }] = await Promise.all([getDictionary(), getActiveAccount()]);
  if (!account) return <NoAccount message={t.promoters.needAccount} linkLabel={t.promoters.goToSettings} />;
  const l = t.campaigns;
  const campaigns = await listCampaigns(account.id);
  const progress = await Promise.all(campaigns.map((c) => getCampaignNewFollowers(c)));
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{l.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{l.intro}</p>
        <p className="mt-1 text-xs text-slate-500">{format(l.timeZone, { timeZone: account.timezone })}</p>
      </div>
      {can(user.role, "write") ? <section className="rounded-xl border border-slate-200 bg-white p-4"><CampaignForm today={dayOf(new Date(), account.timezone)} /></section> : null}
      {campaigns.length ? (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="campaign-list">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-3 py-2">{l.columns.name}</th>
                <th className="px-3 py-2">{l.columns.window}</th>
                <th className="px-3 py-2">{l.columns.status}</th>
                <th className="px-3 py-2 text-right">{l.columns.codes}</th>
                <th className="w-72 px-3 py-2">{l.columns.progress}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {campaigns.map((c, i) => {
                const status = campaignStatus(c, account.timezone);
                return (
                  <tr key={c.id} data-testid="campaign-item" data-campaign={c.name}>
                    <td className="px-3 py-2 font-medium"><Link href={`/campaigns/${c.id}`} className="text-brand-700 hover:underline">{c.name}</Link></td>
                    <td className="whitespace-nowrap px-3 py-2 tabular-nums">{format(l.window, { from: c.startDay, to: c.endDay })}</td>
                    <td className="px-3 py-2"><span className={`rounded-full px-2 py-0.5 text-xs ${STATUS_STYLE[status]}`} data-testid="campaign-status">{l.status[status]}</span></td>
                    <td className="px-3 py-2 text-right tabular-nums">{c._count.codes.toLocaleString(locale)}</td>
                    <td className="px-3 py-2"><CampaignProgress value={progress[i]} target={c.target} t={t} locale={locale} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600" data-testid="campaigns-empty">{l.empty}</p>
      )}
    </div>
  );
}
