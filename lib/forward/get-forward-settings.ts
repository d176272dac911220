import { maskSecret } from "../accounts/account-secrets";
import { db } from "../db";
import { FORWARD_TIMEOUT } from "./forward-schema";
import { openForwardSecretsLeniently } from "./forward-secrets";

/** What the settings page shows of an account's 消息转发: the URL, masks of the upstream's secrets, the last failure. */
export async function getForwardSettings(accountId: string) {
  const row = await db().account.findUniqueOrThrow({
    where: { id: accountId },
    select: { forwardUrl: true, forwardTimeoutMs: true, forwardFailedAt: true, forwardFailure: true, forwardTokenEnc: true, forwardAesKeyEnc: true },
  });
  const { forwardTokenEnc, forwardAesKeyEnc, forwardTimeoutMs, ...shown } = row;
  const secrets = openForwardSecretsLeniently({ forwardTokenEnc, forwardAesKeyEnc });
  return { ...shown, forwardTimeoutMs: forwardTimeoutMs ?? FORWARD_TIMEOUT.default, token: maskSecret(secrets.token), aesKey: maskSecret(secrets.aesKey) };
}

export type ForwardSettings = Awaited<ReturnType<typeof getForwardSettings>>;
