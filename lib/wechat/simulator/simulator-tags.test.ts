import { describe, expect, it } from "vitest";
import { SimulatorTags } from "./simulator-tags";

const APP = "wx0000111122223333";
const everyone = () => true;

describe("SimulatorTags", () => {
  it("enforces WeChat's limits on tags: 30-character names, unique names, 100 per account", () => {
    const tags = new SimulatorTags();
    expect(tags.create(APP, "很".repeat(31))).toMatchObject({ errcode: 45158 });
    expect(tags.create(APP, "很".repeat(30))).toMatchObject({ errcode: 0, tag: { id: 100 } });
    expect(tags.create(APP, "很".repeat(30))).toMatchObject({ errcode: 45157 });
    for (let i = 1; i < 100; i++) expect(tags.create(APP, `t${i}`).errcode).toBe(0);
    expect(tags.create(APP, "one too many")).toMatchObject({ errcode: 45056 });
    expect(tags.remove(APP, 2)).toMatchObject({ errcode: 45058 }); // WeChat's own
    expect(tags.remove(APP, 150)).toMatchObject({ errcode: 0 });
    expect(tags.create(APP, "one too many")).toMatchObject({ errcode: 0 });
  });

  it("tags all openids of a call or none, at most 50 a call and 20 tags per follower", () => {
    const tags = new SimulatorTags();
    const ids = Array.from({ length: 21 }, (_, i) => (tags.create(APP, `t${i}`) as { tag: { id: number } }).tag.id);
    expect(tags.apply(APP, ids[0], Array.from({ length: 51 }, (_, i) => `o${i}`), everyone)).toMatchObject({ errcode: 40032 });
    expect(tags.apply(APP, ids[0], [], everyone)).toMatchObject({ errcode: 40032 });
    expect(tags.apply(APP, ids[0], ["o1", "stranger"], (o) => o !== "stranger")).toMatchObject({ errcode: 40003 });
    expect(tags.ofUser(APP, "o1")).toEqual([]); // nothing applied
    for (const id of ids.slice(0, 20)) expect(tags.apply(APP, id, ["o1"], everyone).errcode).toBe(0);
    expect(tags.apply(APP, ids[20], ["o2", "o1"], everyone)).toMatchObject({ errcode: 45059 });
    expect(tags.apply(APP, ids[0], ["o1"], everyone).errcode).toBe(0); // tagging again is idempotent
    expect(tags.ofUser(APP, "o1")).toHaveLength(20);
    expect(tags.apply(APP, ids[0], ["o1"], everyone, true).errcode).toBe(0);
    expect(tags.ofUser(APP, "o1")).toHaveLength(19);
    expect(tags.apply(APP, 999, ["o1"], everyone)).toMatchObject({ errcode: 45159 });
  });
});
