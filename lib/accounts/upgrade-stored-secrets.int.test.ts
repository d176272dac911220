import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { forgetCallbackCaches } from "@/lib/ingest/forget-callback-caches";
import { findCallbackAccount } from "@/lib/ingest/receive/account-cache";
import { findSelfServicePromoter } from "@/lib/self-service/find-self-service-promoter";
import { hashSelfServiceToken } from "@/lib/self-service/self-service-token";
import { resetDatabase } from "@/test/reset-database";
import { LEGACY_PLAIN } from "./account-secrets";
import { upgradeStoredSecrets } from "./upgrade-stored-secrets";

const KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const TOKEN = "legacytoken";
const LINK = "L".repeat(43);

// Rows as the sealed_secrets migration leaves an install that stored them in plaintext.
async function migratedRows() {
  const account = await db().account.create({
    data: { name: "旧号", appId: "wx00000000000000d1", appSecretEnc: "x", tokenEnc: LEGACY_PLAIN + TOKEN, encodingAesKeyEnc: LEGACY_PLAIN + KEY, mode: "safe" },
  });
  const promoter = await db().promoter.create({ data: { accountId: account.id, name: "老推广者", selfServiceTokenHash: LEGACY_PLAIN + LINK } });
  return { account, promoter };
}

const sealed = (id: string) =>
  db().account.findUniqueOrThrow({ where: { id }, select: { tokenEnc: true, encodingAesKeyEnc: true, previousEncodingAesKeyEnc: true } });

describe("upgradeStoredSecrets", () => {
  beforeEach(resetDatabase);

  it("seals migrated Tokens and keys and hashes migrated private links, keeping them working", async () => {
    const { account, promoter } = await migratedRows();
    expect(await upgradeStoredSecrets()).toEqual({ accounts: 1, links: 1 });
    const row = await sealed(account.id);
    expect(JSON.stringify(row)).not.toContain(TOKEN);
    expect(JSON.stringify(row)).not.toContain(KEY);
    expect(row).toMatchObject({ tokenEnc: expect.stringMatching(/^v1\./), encodingAesKeyEnc: expect.stringMatching(/^v1\./), previousEncodingAesKeyEnc: null });
    forgetCallbackCaches();
    expect(await findCallbackAccount(account.appId)).toMatchObject({ token: TOKEN, encodingAesKey: KEY, previousEncodingAesKey: null });
    const link = await db().promoter.findUniqueOrThrow({ where: { id: promoter.id }, omit: { selfServiceTokenHash: false } });
    expect(link.selfServiceTokenHash).toBe(hashSelfServiceToken(LINK));
    expect((await findSelfServicePromoter(LINK))?.id).toBe(promoter.id);
  });

  it("is idempotent: a second run changes nothing", async () => {
    const { account } = await migratedRows();
    await upgradeStoredSecrets();
    const once = await sealed(account.id);
    expect(await upgradeStoredSecrets()).toEqual({ accounts: 0, links: 0 });
    expect(await sealed(account.id)).toEqual(once);
  });
});
