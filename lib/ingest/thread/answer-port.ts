import type { MessagePort } from "node:worker_threads";
import { isBusyError } from "../pipeline-db/is-busy-error";
import type { FromThread, Outcome } from "./messages";

/**
 * How a pipeline thread answers the main thread: every request settled in the same turn of the
 * event loop goes back in one message.
 */
export function answerPort(port: MessagePort) {
  let outbox: Outcome[] = [];
  const send = () => {
    const batch: FromThread = outbox;
    outbox = [];
    port.postMessage(batch);
  };
  const answer = (outcome: Outcome) => {
    if (!outbox.length) setImmediate(send);
    outbox.push(outcome);
  };
  return function settle(id: number, work: Promise<unknown>) {
    work.then(
      (value) => answer({ id, ok: true, value }),
      (error) => answer({ id, ok: false, error: (error as Error).message, busy: isBusyError(error) }),
    );
  };
}
