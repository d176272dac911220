// CPU time of a server process, split into its main (request) thread and all its other threads
// (the pipeline thread, V8's GC helpers, libuv's pool), read from /proc on Linux. The benchmarks
// print it per push beside the rates: on a 2-core box a ratio alone cannot tell a slower request
// path from the pipeline thread competing with the client for the cores.
import fs from "node:fs";

export type CpuSample = { main: number; other: number };

const TICK_MS = 10; // USER_HZ is 100 on Linux

function threadTicks(pid: number, tid: string): number {
  const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
  // Fields after the parenthesised name: state is field 3, utime 14 and stime 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

/** Milliseconds of CPU the process has used so far, or null where /proc cannot tell. */
export function sampleCpu(pid: number | null): CpuSample | null {
  if (!pid) return null;
  try {
    const sample = { main: 0, other: 0 };
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        const ms = threadTicks(pid, tid) * TICK_MS;
        if (tid === String(pid)) sample.main += ms;
        else sample.other += ms;
      } catch {
        // the thread ended between the listing and the read
      }
    }
    return sample;
  } catch {
    return null;
  }
}

/** Runs `work` and reports the server's and this process's CPU per counted request. */
export async function withCpu<T>(pid: number | null, work: () => Promise<T>, count: (result: T) => number): Promise<{ result: T; cpu: string }> {
  const before = sampleCpu(pid);
  const client = process.cpuUsage();
  const result = await work();
  const after = sampleCpu(pid);
  const used = process.cpuUsage(client);
  const n = count(result);
  if (!before || !after || n <= 0) return { result, cpu: "" };
  // Threads that ended during the phase take their ticks with them: clamp at zero.
  const per = (ms: number) => `${(Math.max(ms, 0) / n).toFixed(2)}`;
  const clientMs = (used.user + used.system) / 1000;
  return { result, cpu: `CPU ms/push: server main ${per(after.main - before.main)} + other threads ${per(after.other - before.other)}, client ${per(clientMs)}` };
}
