import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cursorParam, encodeCursor, pageOf, timeIdKey } from "./api-cursor";

describe("opaque cursors", () => {
  const param = cursorParam(timeIdKey);

  it("round-trips a sort key", () => {
    const cursor = encodeCursor(["2026-11-21T00:00:00.000Z", "cm1"]);
    expect(cursor).toMatch(/^c1\.[A-Za-z0-9_-]+$/);
    expect(param.parse(cursor)).toEqual(["2026-11-21T00:00:00.000Z", "cm1"]);
  });

  it("refuses anything that is not a cursor of this shape", () => {
    for (const bad of ["", "abc", "c1.", "c1.%%%", encodeCursor([1]), encodeCursor(["not a time", "x"]), `c1.${"A".repeat(600)}`]) {
      const result = param.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0].message).toContain("nextCursor");
    }
    expect(cursorParam(z.tuple([z.number()])).safeParse(encodeCursor(["x"])).success).toBe(false);
  });

  it("pages limit + 1 rows into a page and the next cursor", () => {
    const rows = [{ id: 1 }, { id: 2 }, { id: 3 }];
    expect(pageOf(rows, 2, (r) => [r.id])).toEqual({ page: [{ id: 1 }, { id: 2 }], nextCursor: encodeCursor([2]) });
    expect(pageOf(rows, 3, (r) => [r.id])).toEqual({ page: rows, nextCursor: null });
  });
});
