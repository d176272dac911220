import { pipelineDb } from "../pipeline-db/get-pipeline-db";
import { drainInThread, pipelineThreadRunning } from "../thread/start-pipeline-thread";
import { attributeBatch } from "./attribute-batch";

/**
 * Attributes every pending event now and resolves when the queue is empty: for operator actions
 * that re-derive followers and must show the result (crediting a scene), the CLI and tests. In a
 * server the pipeline thread does it; elsewhere this process. Waits while another instance holds
 * the worker lock; gives up after `timeoutMs`.
 */
export async function drainAttribution(timeoutMs = 30_000): Promise<number> {
  if (pipelineThreadRunning()) return drainInThread();
  const giveUpAt = Date.now() + timeoutMs;
  let total = 0;
  for (;;) {
    const { attributed, busy } = await attributeBatch(pipelineDb());
    total += attributed;
    if (!attributed && !busy) return total;
    if (Date.now() > giveUpAt) throw new Error(`attribution queue not drained within ${timeoutMs} ms`);
    if (busy) await new Promise((r) => setTimeout(r, 50));
  }
}
