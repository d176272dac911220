// Next.js calls register() once when a server process starts: every instance runs a pipeline
// thread that commits raw events and drains the attribution queue (lib/ingest/thread).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startPipelineThread } = await import("./lib/ingest/thread/start-pipeline-thread");
  startPipelineThread();
}
