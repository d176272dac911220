import { z } from "zod";
import { leaderboardQuery, queryParams } from "../api-keys/api-query-schemas";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const formatSchema = z.object({ format: z.enum(EXPORT_FORMATS).default("csv") });

/** ?from=&to=&sort=&format=csv|xlsx, with the REST API's range rules (default last 30 days, at most 366). */
export function parseExportQuery(request: Request, timeZone: string) {
  const { format: _format, ...params } = queryParams(request);
  const { from, to, sort } = leaderboardQuery(timeZone).parse(params);
  return { from, to, sort, format: formatSchema.parse(queryParams(request)).format };
}
