import { db } from "../../db";
import { FOLLOW_REPLY_SELECT, type FollowReplySpec } from "../../follow-replies/follow-reply-schema";
import { pickFollowReply, type SceneCandidates } from "../../follow-replies/pick-follow-reply";
import { dayOf } from "../../stats/day";
import { buildPassiveReply } from "../../wechat/passive-reply";
import { ACCOUNT_CACHE_MS } from "./account-cache";
import { TtlCache } from "./ttl-cache";

type Follow = { toUserName: string; fromUserName: string; scene: string | null; createTime?: number };
export type WelcomeAccount = {
  id: string;
  timezone: string;
  welcomeText: string | null;
  accountReply: FollowReplySpec | null;
  /** A promoter welcome text or a promoter, campaign or code follow reply exists: scenes are looked up. */
  anyScopedWelcome: boolean;
};

const globalForCache = globalThis as unknown as { scenecodeSceneReplies?: TtlCache<SceneCandidates | null> };
const scenes = (globalForCache.scenecodeSceneReplies ??= new TtlCache<SceneCandidates | null>(ACCOUNT_CACHE_MS * 5, 20_000));

async function loadScene(accountId: string, scene: string): Promise<SceneCandidates | null> {
  const qr = await db().qrCode.findUnique({
    where: { accountId_sceneKey: { accountId, sceneKey: scene } },
    select: { id: true, promoterId: true, promoter: { select: { name: true, welcomeText: true } }, campaigns: { select: { campaign: { select: { id: true, startDay: true, endDay: true } } } } },
  });
  if (!qr) return null;
  const campaigns = qr.campaigns.map((c) => c.campaign);
  const scopes = [{ scope: "code", scopeId: qr.id }, ...campaigns.map((c) => ({ scope: "campaign", scopeId: c.id }))];
  if (qr.promoterId) scopes.push({ scope: "promoter", scopeId: qr.promoterId });
  const rows = await db().followReply.findMany({ where: { accountId, OR: scopes }, select: { scope: true, scopeId: true, ...FOLLOW_REPLY_SELECT } });
  const of = (scope: string, scopeId: string | null) => rows.find((r) => r.scope === scope && r.scopeId === scopeId) ?? null;
  return {
    promoterName: qr.promoter?.name ?? null,
    promoterWelcome: qr.promoter?.welcomeText ?? null,
    code: of("code", qr.id),
    promoter: of("promoter", qr.promoterId),
    campaigns: campaigns.flatMap((c) => {
      const reply = of("campaign", c.id);
      return reply ? [{ startDay: c.startDay, endDay: c.endDay, reply }] : [];
    }),
  };
}

/** Drops cached scene → reply candidates after a promoter, code, campaign or follow reply changed in this process. */
export function forgetSceneReplies() {
  scenes.clear();
}

/**
 * The passive reply to a follow, as plaintext XML, or null for none: the code's, campaign's,
 * promoter's or account's follow reply (lib/follow-replies/pick-follow-reply.ts). Accounts with no
 * follow reply at any level return at once; a scene's candidates are cached like the account.
 */
export async function welcomeReply(account: WelcomeAccount, follow: Follow): Promise<string | null> {
  if (!account.welcomeText && !account.accountReply && !account.anyScopedWelcome) return null;
  // Looked up even for the account's own reply alone: its text may name the promoter.
  const candidates = follow.scene ? await scenes.get(`${account.id}\u0000${follow.scene}`, () => loadScene(account.id, follow.scene!)) : null;
  const at = follow.createTime ? new Date(follow.createTime * 1000) : new Date();
  const reply = pickFollowReply({ welcomeText: account.welcomeText, reply: account.accountReply }, candidates, candidates?.campaigns.length ? dayOf(at, account.timezone) : "");
  return reply ? buildPassiveReply({ toUser: follow.fromUserName, fromUser: follow.toUserName, reply }) : null;
}
