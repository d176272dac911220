import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { createTestAccount } from "@/test/simulator";
import { flushForwardFailures, recordForward } from "./forward-outcomes";

// The upstream's latest failure as the settings page reads it, when several instances flush theirs.
let accountId: string;
const stored = () => db().account.findUniqueOrThrow({ where: { id: accountId }, select: { forwardFailedAt: true, forwardFailure: true } });

beforeEach(async () => {
  await resetDatabase();
  accountId = (await createTestAccount("wx00000000000fwd01")).id;
});

describe("flushForwardFailures", () => {
  it("keeps the newest failure: an instance flushing an older one later does not replace it", async () => {
    recordForward(accountId, "timeout", "no answer within 3 s", new Date("2026-12-04T10:00:05Z"));
    expect(await flushForwardFailures()).toBe(1);
    // Another instance noticed an earlier failure and flushes it only now.
    recordForward(accountId, "error", "connect ECONNREFUSED", new Date("2026-12-04T10:00:01Z"));
    await flushForwardFailures();
    expect(await stored()).toEqual({ forwardFailedAt: new Date("2026-12-04T10:00:05Z"), forwardFailure: "timeout: no answer within 3 s" });
    recordForward(accountId, "error", "HTTP 502", new Date("2026-12-04T10:01:00Z"));
    recordForward(accountId, "ok", undefined, new Date("2026-12-04T10:01:01Z")); // a success clears nothing
    await flushForwardFailures();
    expect(await stored()).toEqual({ forwardFailedAt: new Date("2026-12-04T10:01:00Z"), forwardFailure: "error: HTTP 502" });
    expect(await flushForwardFailures()).toBe(0);
  });
});
