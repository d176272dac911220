import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { signalSettingsSchema } from "./signal-settings";

type Actor = { email: string; id?: string | null };

/** Saves an account's 防刷 thresholds (audited) and asks for their recomputation (done within seconds in the attribution thread). */
export async function saveSignalSettings(accountId: string, input: unknown, actor: Actor) {
  const v = signalSettingsSchema.parse(input);
  await db().$transaction(async (tx) => {
    const before = await tx.signalSettings.findUnique({ where: { accountId } });
    await tx.signalSettings.upsert({ where: { accountId }, create: { accountId, ...v, requestedAt: new Date() }, update: { ...v, requestedAt: new Date() } });
    const changed = before ? Object.keys(v).filter((k) => before[k as keyof typeof v] !== v[k as keyof typeof v]) : Object.keys(v);
    await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "signals.settings", targetType: "account", targetId: accountId, detail: { ...v, changed } });
  });
  return v;
}
