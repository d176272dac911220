// Benchmark results: one row per comparison, printed as a plain-text table.
export type BenchRow = {
  benchmark: string;
  measured: string;
  baseline: string;
  /** measured ÷ baseline (cost ratio), or the memory growth ratio. */
  ratio: number;
  target: string;
  pass: boolean;
};

const COLUMNS = ["benchmark", "measured", "baseline", "ratio", "target", "result"] as const;

const cells = (row: BenchRow) => [row.benchmark, row.measured, row.baseline, `${row.ratio.toFixed(2)}×`, row.target, row.pass ? "PASS" : "FAIL"];

export function textTable(rows: BenchRow[]): string {
  const body = rows.map(cells);
  const widths = COLUMNS.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r: readonly string[]) => r.map((c, i) => (i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ");
  return [line(COLUMNS), widths.map((w) => "-".repeat(w)).join("-|-"), ...body.map(line)].join("\n");
}

export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
export const perSecond = (count: number, elapsedMs: number) => `${Math.round((count / elapsedMs) * 1000).toLocaleString("en-US")} ev/s`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const signedMb = (bytes: number) => `${bytes < 0 ? "−" : "+"}${mb(Math.abs(bytes))}`;
