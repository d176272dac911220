import { dayKey, wallClock } from "../stats/zone-clock";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * "YYYY-MM-DD HH:mm:ss" in the time zone: sortable, and read as a date-time by Excel in every locale.
 * Its date part is the rollup day key (lib/stats/day.ts), read from the same clock.
 */
export function formatLocalTime(instant: Date, timeZone: string): string {
  const c = wallClock(instant, timeZone);
  return `${dayKey(c)} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`;
}
