// Calendar days in an account's time zone, as "YYYY-MM-DD" strings (portable, sortable).
export const DEFAULT_TIMEZONE = "Asia/Shanghai";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar day of an instant in a time zone. */
export function dayOf(instant: Date, timeZone = DEFAULT_TIMEZONE): string {
  return formatter(timeZone).format(instant);
}

export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The day n days after (or before, when negative) a day. */
export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to && out.length < 3700; day = addDays(day, 1)) out.push(day);
  return out;
}

/** The last `n` days up to and including today, in the time zone. */
export function lastDays(n: number, timeZone = DEFAULT_TIMEZONE, now = new Date()): { from: string; to: string } {
  const to = dayOf(now, timeZone);
  return { from: addDays(to, -(n - 1)), to };
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The instant a calendar day begins in a time zone. */
export function dayStart(day: string, timeZone = DEFAULT_TIMEZONE): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(utcMidnight)
      .map((p) => [p.type, p.value]),
  );
  const asLocal = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return new Date(utcMidnight.getTime() - (asLocal - utcMidnight.getTime()));
}

export type RangePreset = "today" | "7d" | "30d" | "month";
export const RANGE_PRESETS: RangePreset[] = ["today", "7d", "30d", "month"];

/** The day range a preset names, in the time zone. */
export function presetRange(preset: RangePreset, timeZone = DEFAULT_TIMEZONE, now = new Date()): { from: string; to: string } {
  const today = dayOf(now, timeZone);
  if (preset === "today") return { from: today, to: today };
  if (preset === "month") return { from: `${today.slice(0, 8)}01`, to: today };
  return lastDays(preset === "7d" ? 7 : 30, timeZone, now);
}
