import { ZodError } from "zod";
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { forgetCallbackCaches } from "../ingest/forget-callback-caches";
import { forwardSettingsSchema, isOwnCallback } from "./forward-schema";
import { sealForwardAesKey, sealForwardToken } from "./forward-secrets";

type Actor = { email: string; id?: string | null };

/** Saves an account's 消息转发 settings; a new URL also clears the last failure shown beside the old one. */
export async function saveForwarding(accountId: string, input: unknown, actor: Actor) {
  const v = forwardSettingsSchema.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      const before = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { appId: true, forwardUrl: true } });
      if (v.forwardUrl && isOwnCallback(v.forwardUrl, before.appId)) {
        throw new ZodError([{ code: "custom", input, path: ["forwardUrl"], message: "urlLoops" }]);
      }
      const changed: string[] = [];
      if (v.forwardUrl !== before.forwardUrl) changed.push("forwardUrl");
      if (v.forwardToken || v.clearForwardToken) changed.push("forwardToken");
      if (v.forwardAesKey || v.clearForwardAesKey) changed.push("forwardAesKey");
      await tx.account.update({
        where: { id: accountId },
        data: {
          forwardUrl: v.forwardUrl,
          forwardTimeoutMs: v.forwardTimeoutMs,
          ...(v.forwardToken ? { forwardTokenEnc: sealForwardToken(v.forwardToken) } : v.clearForwardToken ? { forwardTokenEnc: null } : {}),
          ...(v.forwardAesKey ? { forwardAesKeyEnc: sealForwardAesKey(v.forwardAesKey) } : v.clearForwardAesKey ? { forwardAesKeyEnc: null } : {}),
          ...(v.forwardUrl !== before.forwardUrl ? { forwardFailedAt: null, forwardFailure: null } : {}),
        },
      });
      await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "account.forwarding", targetType: "account", targetId: accountId, detail: { changed, on: Boolean(v.forwardUrl) } });
      return { forwardUrl: v.forwardUrl };
    });
  } finally {
    forgetCallbackCaches(); // the next push is forwarded (or not) at once
  }
}
