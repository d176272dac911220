import { db } from "../db";
import { buildTextReply } from "../wechat/crypto/encrypted-reply";

type Follow = { toUserName: string; fromUserName: string; scene: string | null };

/**
 * The passive welcome reply to a follow, as plaintext XML, or null for none. The promoter's own
 * text wins over the account's; {promoter} becomes the promoter's name, and a template that
 * names a promoter is not sent to a follow that came through none.
 */
export async function welcomeReply(account: { id: string; welcomeText: string | null }, follow: Follow): Promise<string | null> {
  const qr = follow.scene
    ? await db().qrCode.findUnique({
        where: { accountId_sceneKey: { accountId: account.id, sceneKey: follow.scene } },
        select: { promoter: { select: { name: true, welcomeText: true } } },
      })
    : null;
  const promoter = qr?.promoter ?? null;
  const template = promoter?.welcomeText ?? account.welcomeText;
  if (!template) return null;
  if (!promoter && template.includes("{promoter}")) return null;
  const content = promoter ? template.replaceAll("{promoter}", promoter.name) : template;
  return buildTextReply({ toUser: follow.fromUserName, fromUser: follow.toUserName, content });
}
