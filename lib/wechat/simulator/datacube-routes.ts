// Simulated /datacube/getusersummary and /datacube/getusercumulate: WeChat's official daily follower
// figures, computed from the pushes the simulator sent, with WeChat's date rules (61501).
import { z } from "zod";
import { beijingDay } from "./simulator-datacube";
import { errorReply, type SimulatorReply, type SimulatorRequest, type SimulatorRoutes } from "./simulator-reply";
import type { SimulatorState } from "./simulator-state";

const DAY_MS = 86_400_000;
export const DATACUBE_MAX_DAYS = 7;
// Yesterday's figures are ready at about 08:00 Beijing time; until then WeChat has no row for it.
export const DATACUBE_READY_HOUR = 8;
const FIRST_DAY = "2014-12-01"; // WeChat keeps no datacube figures before this

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d));
const bodySchema = z.object({ begin_date: date, end_date: date });

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

function daysOf(state: SimulatorState, body: unknown): { days: string[] } | { reply: SimulatorReply } {
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) return { reply: errorReply(61500, "begin_date and end_date must be YYYY-MM-DD") };
  const { begin_date: begin, end_date: end } = parsed.data;
  const now = state.datacube.now();
  const yesterday = beijingDay(now - DAY_MS);
  const span = dayNumber(end) - dayNumber(begin) + 1;
  if (begin < FIRST_DAY || end > yesterday || span < 1 || span > DATACUBE_MAX_DAYS) {
    return { reply: errorReply(61501, `${begin}…${end}: at most ${DATACUBE_MAX_DAYS} days, from ${FIRST_DAY} to yesterday (${yesterday})`) };
  }
  const beijingHour = new Date(now + 8 * 3_600_000).getUTCHours();
  const days: string[] = [];
  for (let n = dayNumber(begin); n <= dayNumber(end); n++) days.push(new Date(n * DAY_MS).toISOString().slice(0, 10));
  return { days: days.filter((day) => day !== yesterday || beijingHour >= DATACUBE_READY_HOUR) };
}

function datacube(pick: (state: SimulatorState, appId: string, days: string[]) => unknown[]) {
  return (state: SimulatorState, { query, body }: SimulatorRequest): SimulatorReply => {
    const auth = state.resolveToken(query.get("access_token"));
    if ("errcode" in auth) return errorReply(auth.errcode);
    const range = daysOf(state, body);
    if ("reply" in range) return range.reply;
    return { list: pick(state, auth.appId, range.days) };
  };
}

export const datacubeRoutes: SimulatorRoutes = {
  "POST /datacube/getusersummary": datacube((state, appId, days) => state.datacube.summary(appId, days)),
  "POST /datacube/getusercumulate": datacube((state, appId, days) => state.datacube.cumulate(appId, days)),
};
