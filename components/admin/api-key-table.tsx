import type { ApiKeySummary } from "@/lib/api-keys/create-api-key";
import type { Dictionary } from "@/lib/i18n/locales";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

/** Every key with its binding, dates and status; active keys can be revoked. */
export function ApiKeyTable({ keys, t, when }: { keys: ApiKeySummary[]; t: Dictionary; when: Intl.DateTimeFormat }) {
  const k = t.admin.apiKeys;
  if (keys.length === 0) return <p className="p-8 text-center text-sm text-slate-500" data-testid="api-keys-empty">{k.empty}</p>;
  const columns = [k.columns.name, k.columns.prefix, k.columns.account, k.columns.scope, k.columns.created, k.columns.expires, k.columns.lastUsed, k.columns.status, k.columns.actions];
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>{columns.map((c) => <th key={c} scope="col" className="whitespace-nowrap px-4 py-2 font-medium">{c}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.map((key) => (
            <tr key={key.id} data-testid="api-key-row" data-key-name={key.name} className={key.revokedAt ? "text-slate-400" : undefined}>
              <td className="px-4 py-2 font-medium">{key.name}</td>
              <td className="px-4 py-2"><code className="text-xs">{key.prefix}…</code></td>
              <td className="px-4 py-2">{key.account.name}</td>
              <td className="whitespace-nowrap px-4 py-2" data-testid="api-key-scope">{key.scope === "read-write" ? k.scopes["read-write"] : k.scopes.read}</td>
              <td className="whitespace-nowrap px-4 py-2">{when.format(key.createdAt)}</td>
              <td className="whitespace-nowrap px-4 py-2">{key.expiresAt ? when.format(key.expiresAt) : k.noExpiry}</td>
              <td className="whitespace-nowrap px-4 py-2">{key.lastUsedAt ? when.format(key.lastUsedAt) : k.never}</td>
              <td className="whitespace-nowrap px-4 py-2" data-testid="api-key-status">
                {key.revokedAt ? (
                  `${k.status.revoked} · ${when.format(key.revokedAt)}`
                ) : key.expired ? (
                  <span className="text-red-700">{k.status.expired}</span>
                ) : key.createdBy?.disabledAt ? (
                  <span className="text-red-700" title={k.creatorDisabledNote}>{k.status.creatorDisabled}</span>
                ) : (
                  <span className="text-brand-700">{k.status.active}</span>
                )}
              </td>
              <td className="px-4 py-2">{key.revokedAt ? null : <RevokeApiKeyButton id={key.id} name={key.name} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
