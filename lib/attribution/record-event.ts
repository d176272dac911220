import { db, isUniqueViolation } from "../db";
import { dayOf } from "../stats/day";
import { bumpRollups } from "./bump-rollups";
import { decideAttribution, type LedgerKind } from "./decide-attribution";

export type TrackedEvent = {
  fromUser: string;
  createTime: number;
  event: "subscribe" | "unsubscribe" | "SCAN";
  eventKey: string | null;
  /** The scene value: after qrscene_ for subscribe, the EventKey itself for SCAN. */
  scene: string | null;
  ticket: string | null;
};

class DuplicateEvent extends Error {}

// A unique violation elsewhere (two first events of one new openid racing to create the
// follower) is not a duplicate: the transaction is retried and then sees the follower.
const MAX_ATTEMPTS = 3;

export type RecordResult = { status: "recorded"; kind: LedgerKind; promoterId: string | null } | { status: "duplicate" };

/**
 * Stores one verified event and everything it means — raw log row, follower, ledger row and
 * daily rollups — in one transaction. The raw log's unique key (account, openid, CreateTime,
 * event) makes WeChat's retries and concurrent copies a no-op: whichever commits first counts.
 */
export async function recordEvent(account: { id: string; timezone: string }, input: TrackedEvent): Promise<RecordResult> {
  const occurredAt = new Date(input.createTime * 1000);
  const day = dayOf(occurredAt, account.timezone);
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyEvent(account, input, occurredAt, day);
    } catch (error) {
      if (error instanceof DuplicateEvent) return { status: "duplicate" };
      if (!isUniqueViolation(error) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

function applyEvent(account: { id: string }, input: TrackedEvent, occurredAt: Date, day: string) {
  return db().$transaction(async (tx) => {
    const stored = await tx.wechatEvent.create({
      data: {
        accountId: account.id,
        fromUser: input.fromUser,
        createTime: input.createTime,
        event: input.event,
        eventKey: input.eventKey,
        ticket: input.ticket,
      },
      select: { id: true },
    }).catch((error) => {
      throw isUniqueViolation(error) ? new DuplicateEvent() : error;
    });
    const [follower, qrCode] = await Promise.all([
      tx.follower.findUnique({ where: { accountId_openid: { accountId: account.id, openid: input.fromUser } } }),
      input.scene
        ? tx.qrCode.findUnique({ where: { accountId_sceneKey: { accountId: account.id, sceneKey: input.scene } }, select: { id: true, promoterId: true } })
        : null,
    ]);
    const decision = decideAttribution({
      event: input.event,
      scene: input.scene,
      scenePromoterId: qrCode ? qrCode.promoterId : undefined,
      follower,
    });

    let followerId = follower?.id;
    const change = decision.follower;
    if (change.action === "create") {
      const created = await tx.follower.create({
        data: {
          accountId: account.id,
          openid: input.fromUser,
          promoterId: change.promoterId,
          source: change.source,
          firstSceneKey: input.event === "subscribe" ? input.scene : null,
          status: change.status,
          firstFollowedAt: occurredAt,
          lastFollowedAt: occurredAt,
          unfollowedAt: change.status === "unfollowed" ? occurredAt : null,
        },
        select: { id: true },
      });
      followerId = created.id;
    } else if (change.action === "follow") {
      await tx.follower.update({ where: { id: followerId }, data: { status: "following", lastFollowedAt: occurredAt, unfollowedAt: null } });
    } else if (change.action === "unfollow") {
      await tx.follower.update({ where: { id: followerId }, data: { status: "unfollowed", unfollowedAt: occurredAt } });
    }

    await tx.attribution.create({
      data: {
        accountId: account.id,
        eventId: stored.id,
        followerId: followerId!,
        promoterId: decision.promoterId,
        qrCodeId: qrCode?.id ?? null,
        sceneKey: input.scene,
        kind: decision.kind,
        occurredAt,
        day,
      },
    });
    await bumpRollups(tx, { accountId: account.id, promoterId: decision.promoterId, day }, decision.promoterCounters, decision.accountCounters);
    return { status: "recorded" as const, kind: decision.kind, promoterId: decision.promoterId };
  });
}
