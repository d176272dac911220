// Next.js calls register() once when a server process starts: every instance runs its own
// attribution worker, which drains the durable event queue (lib/ingest/attribute).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startAttributionWorker } = await import("./lib/ingest/attribute/attribution-worker");
  startAttributionWorker();
}
