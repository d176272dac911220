import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { AUDIT_PAGE_SIZE, listAudit, listAuditActors, parseAuditDetail } from "./list-audit";
import { writeAudit } from "./write-audit";

beforeEach(resetDatabase);

async function seed(count: number) {
  // 0: user.*, 1: promoter.*, 2: apikey.* — by two actors, oldest first.
  for (let i = 0; i < count; i++) {
    const action = ["user.create", "promoter.create", "apikey.create"][i % 3];
    await writeAudit(db(), { actor: i % 2 ? "b@example.com" : "a@example.com", action, detail: { n: i } });
  }
}

describe("listAudit", () => {
  it("pages newest first, 50 at a time, by id cursor, without gaps or repeats", async () => {
    await seed(120);
    const first = await listAudit();
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.entries[0].detail).toEqual({ n: 119 });
    const second = await listAudit({ cursor: first.nextCursor! });
    const third = await listAudit({ cursor: second.nextCursor! });
    expect(third.entries).toHaveLength(20);
    expect(third.nextCursor).toBeNull();
    const seen = [...first.entries, ...second.entries, ...third.entries].map((e) => e.detail!.n);
    expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => 119 - i));
  });

  it("filters by action prefix and by actor, together with the cursor", async () => {
    await seed(120);
    const users = await listAudit({ action: "user." });
    expect(users.entries.every((e) => e.action === "user.create")).toBe(true);
    expect(users.entries).toHaveLength(40);
    expect(users.nextCursor).toBeNull();
    const mine = await listAudit({ action: "promoter.", actor: "b@example.com", take: 10 });
    expect(mine.entries.every((e) => e.action === "promoter.create" && e.actor === "b@example.com")).toBe(true);
    const rest = await listAudit({ action: "promoter.", actor: "b@example.com", cursor: mine.nextCursor! });
    expect(mine.entries.length + rest.entries.length).toBe(20);
    expect((await listAudit({ action: "qrcode." })).entries).toEqual([]);
    expect((await listAudit({ actor: "nobody" })).entries).toEqual([]);
  });

  it("names targets that still exist and keeps the id of those that do not", async () => {
    const account = await db().account.create({ data: { name: "一号", appId: "wx0000000000000001", appSecretEnc: "x", tokenEnc: "x" } });
    const promoter = await db().promoter.create({ data: { accountId: account.id, name: "张三" } });
    const user = await db().user.create({ data: { email: "u@example.com", passwordHash: "x" } });
    await writeAudit(db(), { actor: "cli", action: "promoter.create", targetType: "promoter", targetId: promoter.id });
    await writeAudit(db(), { actor: "cli", action: "user.create", targetType: "user", targetId: user.id });
    await writeAudit(db(), { actor: "cli", action: "account.update", targetType: "account", targetId: account.id });
    await writeAudit(db(), { actor: "cli", action: "promoter.update", targetType: "promoter", targetId: "gone" });
    const { entries } = await listAudit();
    expect(entries.map((e) => [e.action, e.targetName])).toEqual([
      ["promoter.update", null],
      ["account.update", "一号"],
      ["user.create", "u@example.com"],
      ["promoter.create", "张三"],
    ]);
  });

  it("lists the distinct actors", async () => {
    await seed(5);
    expect(await listAuditActors()).toEqual(["a@example.com", "b@example.com"]);
  });
});

describe("parseAuditDetail", () => {
  it("returns objects only", () => {
    expect(parseAuditDetail('{"a":1}')).toEqual({ a: 1 });
    expect(parseAuditDetail(null)).toBeNull();
    expect(parseAuditDetail("not json")).toBeNull();
    expect(parseAuditDetail("[1,2]")).toBeNull();
    expect(parseAuditDetail('"text"')).toBeNull();
  });
});
