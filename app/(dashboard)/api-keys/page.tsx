import Link from "next/link";
import { ApiKeyTable } from "@/components/admin/api-key-table";
import { CreateApiKeyForm } from "@/components/admin/create-api-key-form";
import { CurlExample } from "@/components/admin/curl-example";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { listApiKeys } from "@/lib/api-keys/create-api-key";
import { requireUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { requestOrigin } from "@/lib/request-origin";
import { DEFAULT_TIMEZONE } from "@/lib/stats/day";

export const dynamic = "force-dynamic";

export default async function ApiKeysPage() {
  await requireUser("manage-users");
  const [{ t, locale }, { accounts, account }, keys, origin] = await Promise.all([getDictionary(), getActiveAccount(), listApiKeys(), requestOrigin()]);
  const k = t.admin.apiKeys;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: account?.timezone ?? DEFAULT_TIMEZONE });
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{k.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{k.intro}</p>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="create-key-title">
        <h2 id="create-key-title" className="mb-4 font-medium">{k.create}</h2>
        <CreateApiKeyForm accounts={accounts.map((a) => ({ id: a.id, name: a.name }))} origin={origin} />
      </section>
      <section className="rounded-xl border border-slate-200 bg-white" aria-label={k.title}>
        <ApiKeyTable keys={keys} t={t} when={when} />
      </section>
      <section className="space-y-2 rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="usage-title">
        <h2 id="usage-title" className="font-medium">{k.usageTitle}</h2>
        <p className="text-sm text-slate-600">{k.usageIntro}</p>
        <CurlExample origin={origin} />
        <p className="text-xs text-slate-500"><Link href="/api-docs" className="underline">{k.usageMore}</Link></p>
      </section>
    </div>
  );
}
