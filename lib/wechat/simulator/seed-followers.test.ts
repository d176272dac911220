import { describe, expect, it } from "vitest";
import { seedFollowers } from "./seed-followers";
import { SimulatorFaults } from "./simulator-faults";
import { FollowerList } from "./simulator-followers";

describe("a seeded follower population", () => {
  it("mixes known scenes, unknown scenes and organic follows exactly as asked", () => {
    const list = new FollowerList();
    expect(seedFollowers(list, { appId: "wx1", count: 1_000, scenes: ["7", "shop"], qrPercent: 30, unknownPercent: 10, from: 1_700_000_000 })).toEqual({ qr: 300, unknown: 100, organic: 600 });
    const all = [...list.values()];
    expect(all.filter((f) => f.qr_scene === 7)).toHaveLength(150);
    expect(all.filter((f) => f.qr_scene_str === "shop")).toHaveLength(150);
    expect(all.filter((f) => f.subscribe_scene !== "ADD_SCENE_QR_CODE")).toHaveLength(600);
    expect(list.get("oSeed000")).toMatchObject({ subscribe: 1, subscribe_time: 1_700_000_000 });
  });

  it("pages 200,000 followers by position, skipping those who unfollowed", () => {
    const list = new FollowerList();
    seedFollowers(list, { appId: "wx1", count: 200_000, prefix: "o" });
    list.unfollow("o010000"); // six digits: 0 … 199999
    let after = "";
    let pages = 0;
    let listed = 0;
    for (;;) {
      const page = list.page(after, 10_000);
      if ("unknownCursor" in page || page.openids.length === 0) break;
      expect(page.total).toBe(199_999);
      listed += page.openids.length;
      after = page.openids.at(-1)!;
      pages++;
    }
    expect({ pages, listed }).toEqual({ pages: 20, listed: 199_999 });
    expect(list.page("nobody", 10)).toEqual({ unknownCursor: true });
  }, 30_000);
});

describe("delayed faults", () => {
  it("lets `after` calls through, then fails `count` times", () => {
    const faults = new SimulatorFaults();
    faults.failNext(45009, 2, "/cgi-bin/user/get", 3);
    const answers = Array.from({ length: 6 }, () => faults.takeFailure("/cgi-bin/user/get") ?? 0);
    expect(answers).toEqual([0, 0, 0, 45009, 45009, 0]);
    expect(faults.takeFailure("/other")).toBeUndefined();
  });
});
