// Opaque list cursors for /api/v1: the last row's sort key, as base64url JSON behind a version tag.
// Clients pass nextCursor back unchanged; keyset paging (never an offset) keeps pages free of gaps
// and repeats while rows are inserted.
import { z } from "zod";

const TAG = "c1.";
const INVALID = "must be a nextCursor returned by this endpoint";

export function encodeCursor(key: readonly (string | number)[]): string {
  return TAG + Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

function decode(value: string): unknown {
  if (!value.startsWith(TAG)) return undefined;
  try {
    return JSON.parse(Buffer.from(value.slice(TAG.length), "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

/** A query field taking a cursor whose decoded key must match `key` (a zod tuple). */
export function cursorParam<T extends z.ZodTypeAny>(key: T) {
  return z
    .string()
    .max(500, INVALID)
    .transform((value, ctx) => {
      const parsed = key.safeParse(decode(value));
      if (parsed.success) return parsed.data as z.output<T>;
      ctx.addIssue({ code: "custom", message: INVALID });
      return z.NEVER;
    })
    .meta({ description: "Opaque: the nextCursor of the previous page", example: "c1.WyIyMDI2LTExLTIxVDAwOjAwOjAwLjAwMFoiLCJjbTEiXQ" });
}

/** A (time, id) sort key: ISO timestamp and row id. */
export const timeIdKey = z.tuple([z.iso.datetime(), z.string().min(1).max(64)]);

/** The page and the cursor for the next one from `limit + 1` rows. */
export function pageOf<R>(rows: R[], limit: number, keyOf: (row: R) => (string | number)[]): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return { page, nextCursor: rows.length > limit ? encodeCursor(keyOf(page[page.length - 1])) : null };
}
