import type { PipelineDb } from "../pipeline-db/sql-session";

type Forget = (throughId: number) => void;

// Who forgets inbox rows once they are moved: this process itself (tests, the CLI), or in a server
// the store thread, which the attribution thread tells (lib/ingest/thread/attribution-thread.ts).
let forgetElsewhere: Forget | null = null;

/** Hands forgetting moved inbox rows to another thread (the one that writes the inbox). */
export function forgetMovedInboxRowsWith(forget: Forget) {
  forgetElsewhere = forget;
}

/** Inbox rows up to `throughId` are in WechatEvent now: the inbox may let them go. */
export async function inboxMoved(database: PipelineDb, throughId: number) {
  if (!throughId) return;
  if (forgetElsewhere) forgetElsewhere(throughId);
  else await database.forgetInbox(throughId);
}
