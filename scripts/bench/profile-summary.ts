// Reads a V8 .cpuprofile and lists the functions with the most self time.
import fs from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

/**
 * The profile, keeping only the samples of its last `lastMs` (the measured load, not the start-up
 * and warm-up before it: module compilation would otherwise pass for per-push work).
 */
function read(file: string, lastMs = Infinity): Profile {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const at: number[] = [];
  let t = 0;
  for (const delta of profile.timeDeltas) at.push((t += delta));
  const from = t - lastMs * 1000;
  const keep = at.map((time) => time >= from);
  return { ...profile, samples: profile.samples.filter((_, i) => keep[i]), timeDeltas: profile.timeDeltas.filter((_, i) => keep[i]) };
}

// Where a frame's code lives: a package under node_modules, Node's own modules, the app's build, V8.
function originOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?:dist\/(?:compiled\/)?([^/]+)\/)?/);
  if (pkg) return pkg[2] && pkg[1] === "next" ? `next/${pkg[2]}` : pkg[1];
  if (url.includes("/.next/server/")) return "app build (.next/server)";
  return url.split("/").slice(-2).join("/");
}

/** Self time summed by where the code lives (the request thread's budget, without idle). */
export function selfTimeByOrigin(file: string, top = 14, lastMs = Infinity): string {
  const profile = read(file, lastMs);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const { url, functionName } = byId.get(id)!.callFrame;
    if (functionName === "(idle)") return;
    const origin = originOf(url, functionName);
    const micros = profile.timeDeltas[i] ?? 0;
    self.set(origin, (self.get(origin) ?? 0) + micros);
    busy += micros;
  });
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
  return ["by origin (self time, idle left out):", ...rows.map(([origin, micros]) => `${(micros / 1000).toFixed(0).padStart(7)} ms ${((100 * micros) / busy).toFixed(1).padStart(5)} %  ${origin}`)].join("\n");
}

export function topFunctions(file: string, top = 25, lastMs = Infinity): string {
  const profile = read(file, lastMs);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const where = frame.url ? `${frame.url.split("/").slice(-3).join("/")}:${frame.lineNumber + 1}` : "";
    const key = `${frame.functionName || "(anonymous)"} ${where}`.trim();
    const micros = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + micros);
    total += micros;
  });
  const idle = self.get("(idle)") ?? 0;
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
  const lines = rows.map(([key, micros]) => `${(micros / 1000).toFixed(0).padStart(7)} ms ${((100 * micros) / total).toFixed(1).padStart(5)} %  ${key}`);
  return [`busy ${((total - idle) / 1000).toFixed(0)} ms of ${(total / 1000).toFixed(0)} ms sampled`, ...lines].join("\n");
}
