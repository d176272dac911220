// Next.js calls register() once when a server process starts: every instance runs a pipeline
// thread that commits raw events and drains the attribution queue (lib/ingest/thread), and flushes
// the callback's health counters (lib/health), and resumes imports of existing followers that are due (lib/backfill).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ startPipelineThread }, { startHealthFlusher }, { startBackfillResumer }] = await Promise.all([
    import("./lib/ingest/thread/start-pipeline-thread"),
    import("./lib/health/start-health-flusher"),
    import("./lib/backfill/resume-due-backfills"),
  ]);
  startPipelineThread();
  startHealthFlusher(); // the callback's health counters, from memory to the database
  startBackfillResumer(); // paused imports after midnight Beijing time, interrupted ones after a restart
}
