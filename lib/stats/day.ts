// Calendar days in an account's time zone, as "YYYY-MM-DD" strings (portable, sortable).
import { dayKey, offsetAt, wallClock } from "./zone-clock";

export const DEFAULT_TIMEZONE = "Asia/Shanghai";

const DAY_MS = 86_400_000;

/** One UTC day's share of local days: keys[i] holds until bounds[i], the instant keys[i + 1] begins. */
type UtcDay = { keys: string[]; bounds: number[] };
const utcDays = new Map<string, Map<number, UtcDay>>();
const MAX_UTC_DAYS = 4096; // per time zone; years of scattered history before the memo starts over

function utcDay(index: number, timeZone: string): UtcDay {
  const from = index * DAY_MS;
  const keys = [dayKey(wallClock(from, timeZone))];
  const bounds: number[] = [];
  for (;;) {
    const next = dayStart(addDays(keys[keys.length - 1], 1), timeZone).getTime();
    if (next >= from + DAY_MS) return { keys, bounds };
    bounds.push(next);
    keys.push(addDays(keys[keys.length - 1], 1));
  }
}

/**
 * The calendar day of an instant in a time zone. The attribution worker calls this for every event, so
 * each UTC day's local-day boundaries are worked out once per time zone and later calls are a lookup.
 */
export function dayOf(instant: Date, timeZone = DEFAULT_TIMEZONE): string {
  const t = instant.getTime();
  const index = Math.floor(t / DAY_MS);
  const memo = utcDays.get(timeZone);
  let entry = memo?.get(index);
  if (!entry) {
    if (!Number.isFinite(t)) throw new RangeError("Invalid time value");
    entry = utcDay(index, timeZone); // throws on an unknown time zone before anything is remembered
    if (!memo) utcDays.set(timeZone, new Map([[index, entry]]));
    else {
      if (memo.size >= MAX_UTC_DAYS) memo.clear();
      memo.set(index, entry);
    }
  }
  let i = 0;
  while (i < entry.bounds.length && t >= entry.bounds[i]) i++;
  return entry.keys[i];
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

/**
 * The first instant of a calendar day in a time zone. Midnight is tried with the offsets in force a day
 * before and a day after it (a DST change between them is what makes them differ); when neither offset
 * puts a clock at midnight, midnight was skipped (e.g. Santiago springs from 00:00 to 01:00) and the
 * day begins at the change itself.
 */
export function dayStart(day: string, timeZone = DEFAULT_TIMEZONE): Date {
  const midnight = Date.parse(`${day}T00:00:00Z`); // local midnight, read as if it were UTC
  const before = offsetAt(midnight - DAY_MS, timeZone);
  const after = offsetAt(midnight + DAY_MS, timeZone);
  const valid = [midnight - before, midnight - after].filter((t) => midnight - offsetAt(t, timeZone) === t);
  if (valid.length > 0) return new Date(Math.min(...valid));
  // Skipped midnight: the change lies in (midnight - after, midnight - before]; find its second.
  let lo = midnight - after;
  let hi = midnight - before;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (offsetAt(mid, timeZone) === after) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
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
