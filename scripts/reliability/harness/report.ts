// Results: one row per check, printed as a table (and optionally as Markdown or JSON).
export type CheckRow = {
  scenario: string;
  check: string;
  requests: number;
  expected: string;
  observed: string;
  pass: boolean;
  seconds: number;
};

const COLUMNS = ["scenario", "check", "requests", "expected", "observed", "result", "seconds"] as const;

function cells(row: CheckRow): string[] {
  return [row.scenario, row.check, row.requests ? row.requests.toLocaleString("en-US") : "–", row.expected, row.observed, row.pass ? "PASS" : "FAIL", row.seconds.toFixed(1)];
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function textTable(rows: CheckRow[]): string {
  const body = rows.map((r) => cells(r).map((c, i) => (i === 3 || i === 4 ? clip(c, 60) : c)));
  const widths = COLUMNS.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r: readonly string[]) => r.map((c, i) => (i === 2 || i === 6 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ");
  return [line(COLUMNS), widths.map((w) => "-".repeat(w)).join("-|-"), ...body.map(line)].join("\n");
}

export function markdownTable(rows: CheckRow[]): string {
  const esc = (s: string) => s.replaceAll("|", "\\|");
  return [
    `| ${COLUMNS.join(" | ")} |`,
    "| --- | --- | ---: | --- | --- | --- | ---: |",
    ...rows.map((r) => `| ${cells(r).map(esc).join(" | ")} |`),
  ].join("\n");
}

export function summary(rows: CheckRow[]): string {
  const failed = rows.filter((r) => !r.pass).length;
  return `${rows.length - failed} passed, ${failed} failed`;
}
