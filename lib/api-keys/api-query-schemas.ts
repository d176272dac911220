// Query-string rules of the /api/v1 endpoints.
import { z } from "zod";
import { addDays, dayOf, isDay, lastDays } from "../stats/day";
import { LEADERBOARD_METRICS } from "../stats/get-leaderboard";
import { TEAM_METRICS } from "../teams/get-team-board";
import { cursorParam, timeIdKey } from "../rest-api/api-cursor";

export const MAX_RANGE_DAYS = 366;
const DEFAULT_RANGE_DAYS = 30;

const format = z.enum(["json", "csv"]).optional();
const day = z.string().trim().refine(isDay, "must be a calendar day as YYYY-MM-DD");

/** The request's query parameters, with empty values treated as absent. */
export function queryParams(request: Request): Record<string, string> {
  return Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value.trim() !== ""));
}

export const promoterListQuery = z.object({
  q: z.string().trim().max(100).optional().meta({ description: "Search in name, phone and scene" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorParam(timeIdKey).optional(),
  offset: z.coerce.number().int().min(0).default(0).meta({ description: "Deprecated: use cursor (an offset skips or repeats rows while promoters are added)" }),
  format,
});

const spanDays = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

const rangeFields = {
  from: day.optional().meta({ description: "First day (account time zone); default: 30 days before to", example: "2026-11-01" }),
  to: day.optional().meta({ description: "Last day, inclusive; default: today", example: "2026-11-30" }),
};

export const leaderboardQueryFields = {
  ...rangeFields,
  sort: z.enum(LEADERBOARD_METRICS).default("newFollowers"),
  team: z.string().trim().min(1).max(64).optional().meta({ description: "A team's id: only its members, ranked among themselves" }),
  format,
};

export const teamsQueryFields = { ...rangeFields, sort: z.enum(TEAM_METRICS).default("newFollowers") };

// The follows cursor: the last ledger row's id. A bare number is what this endpoint answered before
// cursors became opaque; it is still accepted.
const followCursor = z.union([z.string().regex(/^\d{1,15}$/).transform(Number), cursorParam(z.tuple([z.number().int().min(0)])).transform(([id]) => id)]);

export const followsQueryFields = {
  ...rangeFields,
  promoterId: z.string().trim().max(64).optional(),
  cursor: followCursor.optional().meta({ description: "Opaque: the nextCursor of the previous page" }),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  format,
};

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
    .object(leaderboardQueryFields)
    .transform((q) => resolveRange(q, timeZone, now))
    .superRefine(checkRange);
}

/** The team board's query: a day range as for the leaderboard and a team metric. */
export function teamsQuery(timeZone: string, now = new Date()) {
  return z
    .object(teamsQueryFields)
    .transform((q) => resolveRange(q, timeZone, now))
    .superRefine(checkRange);
}

/** Follows query: a day range as for the leaderboard, an optional promoter, a cursor. */
export function followsQuery(timeZone: string, now = new Date()) {
  return z
    .object(followsQueryFields)
    .transform((q) => resolveRange(q, timeZone, now))
    .superRefine(checkRange);
}

/** A promoter's QR codes: oldest first, cursor-paged. */
export const qrCodeListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorParam(timeIdKey).optional(),
});

/** A follower's event history: in the order received, cursor-paged. */
export const followerQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: cursorParam(z.tuple([z.number().int().min(0)])).optional(),
});

/** The image download: PNG (print resolution by default) or SVG. */
export const qrImageQuery = z.object({
  format: z.enum(["png", "svg"]).default("png"),
  size: z.coerce.number().int().min(128).max(2048).default(1024).meta({ description: "PNG width in pixels" }),
});
