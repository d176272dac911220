// One shape for the background loops every server process runs (instrumentation.ts and the
// attribution thread): a round at a time, never two at once; the next after `pollMs`, or after
// `againMs` when the round says work is left or someone nudged during it; a failed round is logged
// and retried after `retryMs`. One unref'd timer, so a loop never keeps a process alive, and the
// state lives on globalThis so a dev-server reload does not start a second copy.
import { log } from "../log/logger";

export type PollLoopOptions = {
  /** The log's `worker` field and the loop's key (one loop per name per process). */
  name: string;
  pollMs: number;
  /** After a nudge, or a round that left work: soon, not at once (the caller's transaction commits first). */
  againMs?: number;
  retryMs?: number;
  /** The first round, after start(). */
  firstMs?: number;
  /** One round; true when work is left (the next round comes after `againMs`). */
  round: () => Promise<boolean | void>;
};

export type PollLoop = { start(): void; nudge(): void; started(): boolean };

type State = { started: boolean; running: boolean; again: boolean; timer?: NodeJS.Timeout; dueAt: number };
type Loops = { states: Map<string, State>; handles: Map<string, PollLoop>; forward?: (name: string) => void };
const globalForLoops = globalThis as unknown as { scenecodeLoops?: Loops };
const loops: Loops = (globalForLoops.scenecodeLoops ??= { states: new Map(), handles: new Map() });

/**
 * Where nudges go for loops that run in another thread of this process: most run in the
 * attribution thread, but operators' requests (which queue their work) arrive in the main thread.
 */
export function forwardNudgesTo(forward: (name: string) => void) {
  loops.forward = forward;
}

/** A nudge that came from another thread, for the loop of that name running here. */
export const nudgeLoop = (name: string) => loops.handles.get(name)?.nudge();

export function pollLoop({ name, pollMs, againMs = 50, retryMs = pollMs, firstMs = 0, round }: PollLoopOptions): PollLoop {
  const state: State = loops.states.get(name) ?? { started: false, running: false, again: false, dueAt: 0 };
  loops.states.set(name, state);

  function schedule(ms: number) {
    if (!state.started) return;
    if (state.running) return void (state.again = true);
    const dueAt = Date.now() + ms;
    if (state.timer) {
      if (state.dueAt <= dueAt) return; // an earlier round is already due
      clearTimeout(state.timer);
    }
    state.dueAt = dueAt;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void run();
    }, ms);
    state.timer.unref();
  }

  async function run() {
    state.running = true;
    state.again = false;
    let next = pollMs;
    try {
      if (await round()) next = againMs;
    } catch (error) {
      next = retryMs;
      log().error({ worker: name, err: error }, `${name}: round failed; retrying`);
    } finally {
      state.running = false;
    }
    schedule(state.again ? Math.min(next, againMs) : next);
  }

  const handle: PollLoop = {
    start() {
      if (state.started) return;
      state.started = true;
      schedule(firstMs);
    },
    // Not started in this thread: it runs in another one (or nowhere, in a CLI or a test).
    nudge: () => (state.started ? schedule(againMs) : loops.forward?.(name)),
    started: () => state.started,
  };
  loops.handles.set(name, handle);
  return handle;
}
