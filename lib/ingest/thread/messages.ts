import type { EventRow } from "../pipeline-db/sql-session";

// What the server's main thread and the pipeline thread say to each other.
export type ToThread = { id: number; op: "store"; row: EventRow } | { id: number; op: "drain" };
export type FromThread = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string; busy: boolean };
