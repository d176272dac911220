import { db } from "../../db";
import { buildTextReply } from "../../wechat/crypto/encrypted-reply";
import { ACCOUNT_CACHE_MS } from "./account-cache";
import { TtlCache } from "./ttl-cache";

type Follow = { toUserName: string; fromUserName: string; scene: string | null };
type ScenePromoter = { name: string; welcomeText: string | null } | null;

const globalForCache = globalThis as unknown as { scenecodeScenePromoters?: TtlCache<ScenePromoter> };
const scenes = (globalForCache.scenecodeScenePromoters ??= new TtlCache<ScenePromoter>(ACCOUNT_CACHE_MS * 5, 20_000));

function promoterOfScene(accountId: string, scene: string) {
  return scenes.get(`${accountId}\u0000${scene}`, async () => {
    const qr = await db().qrCode.findUnique({
      where: { accountId_sceneKey: { accountId, sceneKey: scene } },
      select: { promoter: { select: { name: true, welcomeText: true } } },
    });
    return qr?.promoter ?? null;
  });
}

/** Drops cached scene → promoter lookups after a promoter or code changed in this process. */
export function forgetScenePromoters() {
  scenes.clear();
}

/**
 * The passive welcome reply to a follow, as plaintext XML, or null for none. The promoter's own
 * text wins over the account's; {promoter} becomes the promoter's name, and a template that
 * names a promoter is not sent to a follow that came through none.
 */
export async function welcomeReply(account: { id: string; welcomeText: string | null; anyPromoterWelcome: boolean }, follow: Follow): Promise<string | null> {
  if (!account.welcomeText && !account.anyPromoterWelcome) return null;
  const promoter = follow.scene ? await promoterOfScene(account.id, follow.scene) : null;
  const template = promoter?.welcomeText ?? account.welcomeText;
  if (!template) return null;
  if (!promoter && template.includes("{promoter}")) return null;
  const content = promoter ? template.replaceAll("{promoter}", promoter.name) : template;
  return buildTextReply({ toUser: follow.fromUserName, fromUser: follow.toUserName, content });
}
