// Webhook crashes: follows are pushed with an endpoint registered, and the server is SIGKILLed while
// its delivery worker has requests in flight to a slow receiver (a real HTTP server that checks each
// signature). After restarts every acknowledged follow must reach the receiver at least once, with
// one stable event id, none lost; duplicates are only re-sends of a killed sender's leased deliveries.
import { db } from "../../../lib/db";
import { LEASE_MS } from "../../../lib/webhooks/claim-deliveries";
import { newWebhookSecret, sealWebhookSecret } from "../../../lib/webhooks/webhook-secret";
import { startWebhookReceiver } from "../../../test/webhook-receiver";
import { fmt, sleep, type Scenario } from "../harness/context";
import { pool } from "../harness/http";
import { deliver, isSuccess, nowSeconds, type EventSpec } from "../harness/push";
import { seedAccount } from "../harness/seed";

const SIZES = { fast: { follows: 200, kills: 3 }, full: { follows: 1_000, kills: 6 } };

export const webhookCrashes: Scenario = {
  name: "webhook-crashes",
  controlsProcess: true,
  limits: { fast: { seconds: 300, requests: 1_000 }, full: { seconds: 900, requests: 5_000 } },
  async run(ctx) {
    const size = SIZES[ctx.mode];
    const account = await seedAccount("webhooks", ctx.authSecret, { promoters: 5 });
    const receiver = await startWebhookReceiver();
    try {
      receiver.state.secret = newWebhookSecret();
      receiver.state.delayMs = 400; // slow: a kill finds requests in flight
      await db().webhookEndpoint.create({
        data: { accountId: account.id, url: receiver.url, events: "follow", secretEnc: sealWebhookSecret(receiver.state.secret, ctx.authSecret), secretLast4: receiver.state.secret.slice(-4) },
      });
      await ctx.server.start();
      await sleep(1500); // the worker's endpoint cache (1 s) sees the new endpoint
      const base = nowSeconds() - 100;
      const specs: EventSpec[] = Array.from({ length: size.follows }, (_, i) => ({ openid: `o-hook-${i}-${account.appId.slice(-6)}`, createTime: base + (i % 100), event: "subscribe", scene: account.promoters[i % 5].sceneKey }));
      let acked = 0;
      await pool(specs, 16, async (spec) => void (isSuccess(await deliver(ctx.http, account, spec)) && acked++), () => ctx.signal.aborted);

      let inFlightKills = 0;
      for (let kill = 1; kill <= size.kills && !ctx.signal.aborted; kill++) {
        await ctx.server.start();
        await sleep(1200 + Math.random() * 800);
        const leased = await db().webhookDelivery.count({ where: { accountId: account.id, status: "pending", claimedUntil: { gt: new Date() } } });
        await ctx.server.kill("SIGKILL");
        if (leased > 0) inFlightKills++;
        const delivered = await db().webhookDelivery.count({ where: { accountId: account.id, status: "delivered" } });
        ctx.log(`kill ${kill}: ${leased} deliveries leased (in flight) at the kill; ${fmt(delivered)} delivered; receiver got ${fmt(receiver.received.length)}`);
      }
      ctx.check("SIGKILL while deliveries are in flight", `${size.kills} kills, at least one with leased deliveries`, `${inFlightKills} of ${size.kills} with deliveries in flight`, inFlightKills > 0);

      receiver.state.delayMs = 0;
      await ctx.server.start();
      const giveUpAt = Date.now() + LEASE_MS + 60_000; // a killed sender's leases run out after LEASE_MS
      let left = Infinity;
      while (left > 0 && Date.now() < giveUpAt && !ctx.signal.aborted) {
        left = await db().webhookDelivery.count({ where: { accountId: account.id, status: { not: "delivered" } } });
        if (left) await sleep(1000);
      }
      const [events, deliveries, delivered] = await Promise.all([
        db().webhookEvent.count({ where: { accountId: account.id } }),
        db().webhookDelivery.count({ where: { accountId: account.id } }),
        db().webhookDelivery.count({ where: { accountId: account.id, status: "delivered" } }),
      ]);
      ctx.check("one event and one delivery per acknowledged follow", `${fmt(acked)} acknowledged = events = deliveries = delivered`, `${fmt(acked)} / ${fmt(events)} / ${fmt(deliveries)} / ${fmt(delivered)}`,
        acked === size.follows && events === acked && deliveries === acked && delivered === acked);

      const ids = new Set(receiver.received.map((r) => r.eventId));
      const stored = new Set((await db().webhookEvent.findMany({ where: { accountId: account.id }, select: { id: true } })).map((e) => e.id));
      const lost = [...stored].filter((id) => !ids.has(id)).length;
      const foreign = [...ids].filter((id) => !stored.has(id)).length;
      const unsigned = receiver.received.filter((r) => !r.signed).length;
      ctx.check("receiver: every event at least once, same id, signed", `0 lost, 0 unknown ids, 0 bad signatures of ${fmt(acked)}`,
        `${lost} lost, ${foreign} unknown, ${unsigned} unsigned; ${fmt(receiver.received.length - ids.size)} re-sent after kills`, lost === 0 && foreign === 0 && unsigned === 0 && ids.size === acked);
    } finally {
      await receiver.close();
    }
  },
};
