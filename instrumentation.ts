// Next.js calls register() once when a server process starts: every instance runs a pipeline
// thread that commits raw events and drains the attribution queue (lib/ingest/thread), and flushes
// the callback's health counters (lib/health), ticks the daily cross-check with WeChat's statistics
// (lib/crosscheck; a database lease lets one instance of the cluster fetch), and resumes imports of
// existing followers that are due (lib/backfill). The attribution thread also runs the consumers of
// attributed events: webhooks, WeChat user tags, qualified follows and fraud signals.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ startPipelineThread }, { startHealthFlusher }, { startCrosscheckScheduler }, { startBackfillResumer }] = await Promise.all([
    import("./lib/ingest/thread/start-pipeline-thread"),
    import("./lib/health/start-health-flusher"),
    import("./lib/crosscheck/start-crosscheck-scheduler"),
    import("./lib/backfill/resume-due-backfills"),
  ]);
  startPipelineThread();
  startHealthFlusher(); // the callback's health counters, from memory to the database
  startCrosscheckScheduler(); // WeChat's daily figures, once a day after 08:00 Beijing time
  startBackfillResumer(); // paused imports after midnight Beijing time, interrupted ones after a restart
  (await import("./lib/enrol/run-auto-approvals")).startAutoApprover(); // 推广 applications approved automatically
}
