import Link from "next/link";
import { NoAccount } from "@/components/no-account";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { EndpointForm } from "@/components/webhooks/endpoint-form";
import { EventTypesHelp } from "@/components/webhooks/event-types-help";
import { EndpointList } from "@/components/webhooks/endpoint-list";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { listDeliveries, listEndpoints } from "@/lib/webhooks/list-webhooks";

export const dynamic = "force-dynamic";

// The active account's webhook endpoints (register, test, pause, delete) and its delivery log.
export default async function WebhooksPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  await requireUser("write");
  const [{ t, locale }, { account }, params] = await Promise.all([getDictionary(), getActiveAccount(), searchParams]);
  if (!account) return <NoAccount message={t.promoters.needAccount} linkLabel={t.promoters.goToSettings} />;
  const w = t.webhooks;
  const before = Number(params.before);
  const [endpoints, deliveries] = await Promise.all([
    listEndpoints(account.id),
    listDeliveries(account.id, { cursor: Number.isInteger(before) && before > 0 ? before : undefined }),
  ]);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium", timeZone: account.timezone });
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{w.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{w.intro}</p>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="create-webhook-title">
        <h2 id="create-webhook-title" className="mb-4 font-medium">{w.create}</h2>
        <EndpointForm />
        <EventTypesHelp t={t} />
      </section>
      <section className="rounded-xl border border-slate-200 bg-white" aria-labelledby="webhook-endpoints-title">
        <h2 id="webhook-endpoints-title" className="border-b border-slate-100 px-4 py-3 font-medium">{w.endpoints}</h2>
        <EndpointList endpoints={endpoints} t={t} />
      </section>
      <section className="rounded-xl border border-slate-200 bg-white" aria-labelledby="webhook-log-title">
        <h2 id="webhook-log-title" className="border-b border-slate-100 px-4 py-3 font-medium">{w.log}</h2>
        <DeliveryLog deliveries={deliveries.data} t={t} when={when} />
        {deliveries.nextCursor ? <p className="p-3 text-sm"><Link className="underline" href={`/webhooks?before=${deliveries.nextCursor}`}>{w.older}</Link></p> : null}
      </section>
    </div>
  );
}
