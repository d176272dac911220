import "server-only";
import { errorResponse } from "../http";
import { format, type Dictionary } from "../i18n/locales";

// An .xlsx is built in memory (up to ~150 MB and several seconds for the largest ledger): a user who
// clicks Export ten times must not take the server's memory with them. CSV streams and is not limited.
export const MAX_XLSX_EXPORTS_PER_USER = 2;

export class ExportsBusyError extends Error {
  constructor(readonly limit: number) {
    super(`At most ${limit} Excel exports run at once per user`);
    this.name = "ExportsBusyError";
  }
}

// Per process, shared by every route bundle that imports this module (hence globalThis).
const KEY = Symbol.for("scenecode.xlsxExportsRunning");
const running: Map<string, number> = ((globalThis as Record<symbol, unknown>)[KEY] as Map<string, number> | undefined) ?? new Map();
(globalThis as Record<symbol, unknown>)[KEY] = running;

/** Builds one of the user's Excel exports, or throws ExportsBusyError when the user's slots are all taken. */
export async function withXlsxExportSlot<T>(userId: string, build: () => Promise<T>, limit = MAX_XLSX_EXPORTS_PER_USER): Promise<T> {
  const busy = running.get(userId) ?? 0;
  if (busy >= limit) throw new ExportsBusyError(limit);
  running.set(userId, busy + 1);
  try {
    return await build();
  } finally {
    const left = (running.get(userId) ?? 1) - 1;
    if (left > 0) running.set(userId, left);
    else running.delete(userId);
  }
}

/** 429 in the error envelope, in the reader's language, with a hint to retry shortly. */
export function exportsBusyResponse(error: ExportsBusyError, t: Dictionary) {
  const response = errorResponse(429, "too_many_exports", format(t.batch.exports.busy, { max: error.limit }));
  response.headers.set("retry-after", "10");
  return response;
}
