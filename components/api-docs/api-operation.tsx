import type { Dictionary } from "@/lib/i18n/locales";
import type { ReferenceField, ReferenceOperation } from "@/lib/openapi/api-reference";

const METHOD_STYLE: Record<string, string> = {
  GET: "bg-sky-100 text-sky-800",
  POST: "bg-emerald-100 text-emerald-800",
  PATCH: "bg-amber-100 text-amber-800",
  DELETE: "bg-red-100 text-red-800",
};

function FieldTable({ fields, t }: { fields: ReferenceField[]; t: Dictionary["apiDocs"] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-xs">
        <thead className="text-slate-500">
          <tr>
            {(["name", "in", "required", "type", "description"] as const).map((c) => <th key={c} className="py-1 pr-3 font-medium">{t.columns[c]}</th>)}
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={`${f.in}-${f.name}`} className="border-t border-slate-100 align-top">
              <td className="py-1 pr-3 font-mono">{f.name}</td>
              <td className="py-1 pr-3">{t.where[f.in as keyof typeof t.where] ?? f.in}</td>
              <td className="py-1 pr-3">{f.required ? t.yes : t.no}</td>
              <td className="py-1 pr-3 font-mono text-slate-700">{f.type}</td>
              <td className="py-1 text-slate-600">{f.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const Example = ({ json }: { json: string }) => (
  <pre className="mt-1 max-h-80 overflow-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-100"><code>{json}</code></pre>
);

/** One operation of the API reference: method, path, what it does, parameters, body and answers. */
export function ApiOperation({ op, t, zh }: { op: ReferenceOperation; t: Dictionary["apiDocs"]; zh: boolean }) {
  const description = op.description ? (zh ? op.description.zh : op.description.en) : null;
  return (
    <article id={op.anchor} className="scroll-mt-20 space-y-3 rounded-xl border border-slate-200 bg-white p-5" data-testid="api-operation">
      <header className="flex flex-wrap items-center gap-2">
        <span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold ${METHOD_STYLE[op.method] ?? "bg-slate-100"}`}>{op.method}</span>
        <code className="break-all text-sm font-medium">{op.path}</code>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{t.scope[op.scope]}</span>
        {op.idempotent ? <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs text-emerald-700">{t.idempotent}</span> : null}
        {op.csv ? <span className="rounded-full bg-slate-50 px-2 py-0.5 text-xs text-slate-600">{t.csv}</span> : null}
      </header>
      <h3 className="font-medium">{zh ? op.summary.zh : op.summary.en}</h3>
      {description ? <p className="text-sm text-slate-600">{description}</p> : null}
      {op.parameters.length ? (
        <section><h4 className="mb-1 text-sm font-medium text-slate-700">{t.parameters}</h4><FieldTable fields={op.parameters} t={t} /></section>
      ) : null}
      {op.body ? (
        <section>
          <h4 className="mb-1 text-sm font-medium text-slate-700">{t.requestBody}</h4>
          <FieldTable fields={op.body.fields} t={t} />
          <p className="mt-2 text-xs text-slate-500">{t.example}</p>
          <Example json={op.body.example} />
        </section>
      ) : null}
      <section>
        <h4 className="mb-1 text-sm font-medium text-slate-700">{t.responses}</h4>
        <ul className="space-y-2 text-sm">
          {op.responses.map((r) => (
            <li key={r.status}>
              <span className="font-mono font-semibold">{r.status}</span> <span className="text-slate-600">{r.description}</span>
              {r.example && r.status.startsWith("2") ? <Example json={r.example} /> : null}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
