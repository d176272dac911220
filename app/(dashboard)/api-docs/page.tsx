import Link from "next/link";
import { ApiOperation } from "@/components/api-docs/api-operation";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { apiReference } from "@/lib/openapi/api-reference";

export const dynamic = "force-dynamic";

export default async function ApiDocsPage() {
  const user = await requireUser("read");
  const { t, locale } = await getDictionary();
  const a = t.apiDocs;
  const zh = locale === "zh-CN";
  const groups = apiReference();
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{a.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{a.intro}</p>
        <div className="mt-3 flex flex-wrap gap-3 text-sm">
          <a href="/api/v1/openapi.json" className="rounded-md bg-brand-600 px-3 py-2 font-medium text-white hover:bg-brand-700" data-testid="openapi-link">{a.download}</a>
          {can(user.role, "manage-users") ? <Link href="/api-keys" className="rounded-md border border-slate-300 px-3 py-2 hover:bg-slate-50">{a.keysLink}</Link> : null}
        </div>
      </div>
      <section className="space-y-2 rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="basics-title">
        <h2 id="basics-title" className="font-medium">{a.basicsTitle}</h2>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          {(["auth", "scopes", "idempotency", "cursors", "errors", "rateLimit"] as const).map((k) => <li key={k}>{a.basics[k]}</li>)}
        </ul>
        <p className="text-xs text-slate-500">{a.fieldNotes}</p>
      </section>
      <nav aria-label={a.contents} className="rounded-xl border border-slate-200 bg-white p-5 text-sm">
        <h2 className="mb-2 font-medium">{a.contents}</h2>
        <ul className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
          {groups.flatMap((g) => g.operations).map((op) => (
            <li key={op.anchor}><a href={`#${op.anchor}`} className="hover:underline"><span className="font-mono text-xs text-slate-500">{op.method}</span> {zh ? op.summary.zh : op.summary.en}</a></li>
          ))}
        </ul>
      </nav>
      {groups.map((g) => (
        <section key={g.name} className="space-y-3" aria-labelledby={`tag-${g.name}`}>
          <h2 id={`tag-${g.name}`} className="text-lg font-semibold">{zh ? g.zh : g.en}</h2>
          {g.operations.map((op) => <ApiOperation key={op.anchor} op={op} t={a} zh={zh} />)}
        </section>
      ))}
    </div>
  );
}
