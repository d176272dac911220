// Finishes the sealed_secrets migration, which SQL alone cannot do (it has no auth secret, and SQLite
// no SHA-256): values it carried over marked "plain:" are sealed (Account) or hashed (private links).
import { db } from "../db";
import { hashSelfServiceToken } from "../self-service/self-service-token";
import { LEGACY_PLAIN, sealAesKey, sealToken } from "./account-secrets";

const legacy = { startsWith: LEGACY_PLAIN };
const unmark = (value: string | null) => (value?.startsWith(LEGACY_PLAIN) ? value.slice(LEGACY_PLAIN.length) : null);

/** Seals or hashes every value still in its migrated plaintext form; returns how many rows changed. Idempotent. */
export async function upgradeStoredSecrets(master?: string): Promise<{ accounts: number; links: number }> {
  const client = db();
  const accounts = await client.account.findMany({
    where: { OR: [{ tokenEnc: legacy }, { encodingAesKeyEnc: legacy }, { previousEncodingAesKeyEnc: legacy }] },
    select: { id: true, tokenEnc: true, encodingAesKeyEnc: true, previousEncodingAesKeyEnc: true },
  });
  for (const a of accounts) {
    const [token, key, previous] = [unmark(a.tokenEnc), unmark(a.encodingAesKeyEnc), unmark(a.previousEncodingAesKeyEnc)];
    await client.account.update({
      // Only while still unsealed: an edit made meanwhile (by another instance) wins.
      where: { id: a.id, tokenEnc: a.tokenEnc },
      data: {
        ...(token !== null ? { tokenEnc: sealToken(token, master) } : {}),
        ...(key !== null ? { encodingAesKeyEnc: sealAesKey(key, master) } : {}),
        ...(previous !== null ? { previousEncodingAesKeyEnc: sealAesKey(previous, master) } : {}),
      },
    }).catch((error: { code?: string }) => { if (error?.code !== "P2025") throw error; });
  }
  const links = await client.promoter.findMany({ where: { selfServiceTokenHash: legacy }, select: { id: true, selfServiceTokenHash: true } });
  for (const p of links) {
    const hash = hashSelfServiceToken(unmark(p.selfServiceTokenHash)!);
    await client.promoter.updateMany({ where: { id: p.id, selfServiceTokenHash: p.selfServiceTokenHash }, data: { selfServiceTokenHash: hash } });
  }
  return { accounts: accounts.length, links: links.length };
}
