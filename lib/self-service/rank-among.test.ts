import { describe, expect, it } from "vitest";
import { rankAmong } from "./rank-among";

describe("rankAmong", () => {
  it("counts only those strictly ahead", () => {
    expect(rankAmong(5, [9, 5, 7, 1])).toBe(3);
    expect(rankAmong(9, [9, 5, 7, 1])).toBe(1);
    expect(rankAmong(1, [9, 5, 7, 1])).toBe(4);
  });

  it("lets ties share a rank", () => {
    expect(rankAmong(3, [5, 3, 3, 3, 0])).toBe(2);
    expect(rankAmong(0, [0, 0, 0])).toBe(1);
  });

  it("ranks first when nobody has any activity", () => {
    expect(rankAmong(0, [])).toBe(1);
  });
});
