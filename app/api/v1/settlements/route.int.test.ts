import { describe, expect, it } from "vitest";
import { recordEvent } from "@/lib/attribution/record-event";
import { db } from "@/lib/db";
import { settlementRunDetail, settlementRunList } from "@/lib/rest-api/api-settlements";
import { setPrice } from "@/lib/settlement/save-price";
import { settlePeriod } from "@/lib/settlement/settle-period";
import { apiTestKit, call } from "@/test/api-test-kit";
import { GET as exportRun } from "./[id]/export/route";
import { GET as getRun } from "./[id]/route";
import { GET as listRuns } from "./route";

const kit = apiTestKit();
const actor = { email: "ops@example.com" };
const at = (day: number) => Date.UTC(2026, 10, day, 4) / 1000; // Beijing noon, November 2026

async function settled() {
  const account = await db().account.findUniqueOrThrow({ where: { id: kit.accountA } });
  const promoter = await db().promoter.create({ data: { accountId: account.id, name: "李四" } });
  await db().qrCode.create({ data: { accountId: account.id, promoterId: promoter.id, sceneId: 7, sceneKey: "7", status: "active" } });
  await setPrice(account.id, { scope: "account", price: "1.50" }, actor);
  const follow = (openid: string, day: number) => recordEvent(account, { fromUser: openid, createTime: at(day), event: "subscribe", eventKey: "qrscene_7", scene: "7", ticket: null });
  await follow("o-stays", 2);
  await follow("o-leaves", 3);
  await recordEvent(account, { fromUser: "o-leaves", createTime: at(4), event: "unsubscribe", eventKey: null, scene: null, ticket: null });
  return { promoter, run: await settlePeriod(account, { fromDay: "2026-11-01", toDay: "2026-11-07" }, actor, new Date("2026-11-20T00:00:00Z")) };
}

describe("/api/v1/settlements", () => {
  it("lists runs, answers a run's lines and exports its payout sheet and evidence as CSV", async () => {
    const { promoter, run } = await settled();
    const list = settlementRunList.parse(await (await call(listRuns, "/api/v1/settlements", { key: kit.readKey })).json());
    expect(list.data.map((r) => [r.seq, r.fromDay, r.toDay, r.qualified, r.total, r.timezone])).toEqual([[1, "2026-11-01", "2026-11-07", 1, "1.50", "Asia/Shanghai"]]);
    const detail = settlementRunDetail.parse(await (await call(getRun, `/api/v1/settlements/${run.id}`, { key: kit.readKey, params: { id: run.id } })).json());
    expect(detail.data).toEqual([{ promoterId: promoter.id, promoterName: "李四", teamName: null, follows: 2, qualified: 1, unitPrice: "1.50", amount: "1.50", adjustments: 0, adjustmentAmount: "0.00", total: "1.50" }]);

    const sheet = await call(exportRun, `/api/v1/settlements/${run.id}/export`, { key: kit.readKey, params: { id: run.id } });
    expect(sheet.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await sheet.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toEqual([
      "Period,Promoter,Team,First follows,Qualified,Unit price,Amount,Adjustments,Adjustment amount,Total due,Promoter ID",
      `2026-11-01~2026-11-07,李四,,2,1,1.50,1.50,0,0.00,1.50,${promoter.id}`,
    ]);
    const evidence = await call(exportRun, `/api/v1/settlements/${run.id}/export?sheet=evidence`, { key: kit.readKey, params: { id: run.id } });
    const rows = (await evidence.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(rows.slice(1)).toEqual([
      `李四,o-stays,7,2026-11-02,2026-11-02 12:00:00,,Yes,Following after 3 days,1.50,1.50,No,${promoter.id}`,
      `李四,o-leaves,7,2026-11-03,2026-11-03 12:00:00,2026-11-04 12:00:00,No,Unfollowed within 3 days,1.50,0.00,No,${promoter.id}`,
    ]);
  });

  it("answers only the key's own account, and asks for a key", async () => {
    const { run } = await settled();
    expect((await call(getRun, `/api/v1/settlements/${run.id}`, { key: kit.otherKey, params: { id: run.id } })).status).toBe(404);
    expect((await call(exportRun, `/api/v1/settlements/${run.id}/export`, { key: kit.otherKey, params: { id: run.id } })).status).toBe(404);
    expect(settlementRunList.parse(await (await call(listRuns, "/api/v1/settlements", { key: kit.otherKey })).json()).data).toEqual([]);
    expect((await call(listRuns, "/api/v1/settlements")).status).toBe(401);
    expect((await call(exportRun, `/api/v1/settlements/${run.id}/export?sheet=nope`, { key: kit.readKey, params: { id: run.id } })).status).toBe(400);
  });
});
