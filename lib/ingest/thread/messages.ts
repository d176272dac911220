import type { EventRow } from "../pipeline-db/sql-session";

// What the server's main thread and the pipeline threads say to each other. Stores that arrive in
// the same turn of the event loop travel as one message each way (structured cloning costs more
// per message than per row).
// "nudge-loop": an operator queued work for a background loop that runs in the attribution thread (lib/jobs/poll-loop).
export type ToThread = { op: "store"; ids: number[]; rows: EventRow[] } | { op: "drain"; id: number } | { op: "nudge" } | { op: "nudge-loop"; name: string } | Forget;
/** The attribution thread moved SQLite inbox rows up to this id: the store thread forgets them. */
export type Forget = { op: "forget"; throughId: number };
export type Outcome = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string; busy: boolean };
export type FromThread = Outcome[] | Forget;
