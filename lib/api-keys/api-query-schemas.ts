// Query-string rules of the /api/v1 endpoints.
import { z } from "zod";
import { addDays, dayOf, isDay, lastDays } from "../stats/day";
import { LEADERBOARD_METRICS } from "../stats/get-leaderboard";

export const MAX_RANGE_DAYS = 366;
const DEFAULT_RANGE_DAYS = 30;

const format = z.enum(["json", "csv"]).optional();
const day = z.string().trim().refine(isDay, "must be a calendar day as YYYY-MM-DD");

/** The request's query parameters, with empty values treated as absent. */
export function queryParams(request: Request): Record<string, string> {
  return Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value.trim() !== ""));
}

export const promoterListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  format,
});

const spanDays = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

const rangeFields = { from: day.optional(), to: day.optional() };

/** A missing range is the last 30 days in the account's time zone; a half range is completed to 30 days. */
function resolveRange<T extends { from?: string; to?: string }>({ from, to, ...rest }: T, timeZone: string, now: Date) {
  if (!from && !to) return { ...lastDays(DEFAULT_RANGE_DAYS, timeZone, now), ...rest };
  const end = to ?? dayOf(now, timeZone);
  return { from: from ?? addDays(end, -(DEFAULT_RANGE_DAYS - 1)), to: end, ...rest };
}

function checkRange(q: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (q.from > q.to) ctx.addIssue({ code: "custom", path: ["from"], message: "must not be after to" });
  else if (spanDays(q.from, q.to) > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `the range may span at most ${MAX_RANGE_DAYS} days` });
}

/** Leaderboard query; a missing range defaults to the last 30 days in the account's time zone. */
export function leaderboardQuery(timeZone: string, now = new Date()) {
  return z
    .object({ ...rangeFields, sort: z.enum(LEADERBOARD_METRICS).default("newFollowers"), format })
    .transform((q) => resolveRange(q, timeZone, now))
    .superRefine(checkRange);
}

/** Follows query: a day range as for the leaderboard, an optional promoter, a cursor (the last row's id). */
export function followsQuery(timeZone: string, now = new Date()) {
  return z
    .object({
      ...rangeFields,
      promoterId: z.string().trim().max(64).optional(),
      cursor: z.coerce.number().int().min(0).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
      format,
    })
    .transform((q) => resolveRange(q, timeZone, now))
    .superRefine(checkRange);
}
