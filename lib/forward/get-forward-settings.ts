import { maskSecret } from "../accounts/account-secrets";
import { db } from "../db";
import { openForwardSecretsLeniently } from "./forward-secrets";

/** What the settings page shows of an account's 消息转发: the URL, masks of the upstream's secrets, the last failure. */
export async function getForwardSettings(accountId: string) {
  const row = await db().account.findUniqueOrThrow({
    where: { id: accountId },
    select: { forwardUrl: true, forwardTimeoutMs: true, forwardFailedAt: true, forwardFailure: true, forwardTokenEnc: true, forwardAesKeyEnc: true },
  });
  const { forwardTokenEnc, forwardAesKeyEnc, ...shown } = row;
  const secrets = openForwardSecretsLeniently({ forwardTokenEnc, forwardAesKeyEnc });
  return { ...shown, token: maskSecret(secrets.token), aesKey: maskSecret(secrets.aesKey) };
}

export type ForwardSettings = Awaited<ReturnType<typeof getForwardSettings>>;
