import { z } from "zod";
import { addDays, isDay } from "../stats/day";
import { latestReadyDay } from "./datacube-days";

export const PAGE_MAX_DAYS = 92;
export const DEFAULT_DAYS = 7;

const day = z.string().refine(isDay);
export const crosscheckRangeSchema = z
  .object({ from: day, to: day })
  // zod runs this even when a day failed above: check the days again before doing date arithmetic.
  .refine((r) => isDay(r.from) && isDay(r.to) && r.from <= r.to && addDays(r.from, PAGE_MAX_DAYS - 1) >= r.to, { message: "range", path: ["from"] });

/** The last 7 days WeChat has published figures for (Beijing-time days). */
export function defaultCrosscheckRange(now = new Date()) {
  const to = latestReadyDay(now);
  return { from: addDays(to, -(DEFAULT_DAYS - 1)), to };
}

/** The page's range from its query: the last 7 published days when absent, and also (marked invalid) when malformed. */
export function parseCrosscheckRange(from: string | undefined, to: string | undefined, now = new Date()) {
  if (!from && !to) return { ...defaultCrosscheckRange(now), valid: true };
  const parsed = crosscheckRangeSchema.safeParse({ from, to });
  return parsed.success ? { ...parsed.data, valid: true } : { ...defaultCrosscheckRange(now), valid: false };
}
