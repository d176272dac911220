// Next.js calls register() once when a server process starts: every instance runs a pipeline
// thread that commits raw events and drains the attribution queue (lib/ingest/thread), and flushes
// the callback's health counters (lib/health), and ticks the daily cross-check with WeChat's statistics
// (lib/crosscheck; a database lease lets one instance of the cluster fetch).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ startPipelineThread }, { startHealthFlusher }, { startCrosscheckScheduler }] = await Promise.all([
    import("./lib/ingest/thread/start-pipeline-thread"),
    import("./lib/health/start-health-flusher"),
    import("./lib/crosscheck/start-crosscheck-scheduler"),
  ]);
  startPipelineThread();
  startHealthFlusher(); // the callback's health counters, from memory to the database
  startCrosscheckScheduler(); // WeChat's daily figures, once a day after 08:00 Beijing time
}
