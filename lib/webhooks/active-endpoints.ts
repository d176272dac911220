// Which accounts have enabled endpoints, and for which event types: read by the attribution
// worker for each batch, cached for a second so a busy worker asks once per second, not per batch.
// An endpoint therefore receives the events attributed from about a second after it is saved.
import { bool, type SqlSession } from "../ingest/pipeline-db/sql-session";
import { parseEventList, type WebhookEventType } from "./event-types";

const TTL_MS = 1000;
type Active = Map<string, Set<WebhookEventType>>;
const cache = globalThis as unknown as { scenecodeWebhookEndpoints?: { at: number; active: Active } };

export async function activeEndpoints(session: SqlSession, now = Date.now()): Promise<Active> {
  const hit = cache.scenecodeWebhookEndpoints;
  if (hit && now - hit.at < TTL_MS) return hit.active;
  const rows = await session.all<{ accountId: string; events: string }>(`SELECT "accountId", "events" FROM "WebhookEndpoint" WHERE "enabled" = ?`, [bool(session.provider, true)]);
  const active: Active = new Map();
  for (const r of rows) {
    const types = active.get(r.accountId) ?? new Set<WebhookEventType>();
    for (const t of parseEventList(r.events)) types.add(t);
    active.set(r.accountId, types);
  }
  cache.scenecodeWebhookEndpoints = { at: now, active };
  return active;
}

/** Tests and the CLI: the next batch reads the endpoints again. */
export function forgetActiveEndpoints() {
  cache.scenecodeWebhookEndpoints = undefined;
}
