import { db } from "@/lib/db";
import { drainAttribution } from "@/lib/ingest/attribute/drain-attribution";
import { forgetCallbackCaches } from "@/lib/ingest/forget-callback-caches";

/** Empties every table (children first) so each integration test starts from a known state. */
export async function resetDatabase() {
  await drainAttribution(); // nothing of the previous test still in flight
  forgetCallbackCaches();
  const client = db();
  await client.$transaction([
    client.campaignCode.deleteMany(),
    client.campaign.deleteMany(),
    client.attribution.deleteMany(),
    client.wechatEvent.deleteMany(),
    client.promoterDailyStat.deleteMany(),
    client.accountDailyStat.deleteMany(),
    client.follower.deleteMany(),
    client.qrCode.deleteMany(),
    client.promoter.deleteMany(),
    client.accessToken.deleteMany(),
    client.accessTokenError.deleteMany(),
    client.apiQuota.deleteMany(),
    client.callbackCounter.deleteMany(),
    client.apiIdempotencyKey.deleteMany(),
    client.apiKey.deleteMany(),
    client.backfillRun.deleteMany(),
    client.account.deleteMany(),
    client.auditLog.deleteMany(),
    client.user.deleteMany(),
    client.loginThrottle.deleteMany(),
    client.setting.deleteMany(),
    client.jobLease.deleteMany(),
  ]);
}
