// Test data written straight into the database: accounts, promoters with permanent codes, users.
// No WeChat API call is needed: the callback only reads the account, its token and the codes.
import crypto from "node:crypto";
import { sealAccountSecrets } from "../../../lib/accounts/account-secrets";
import { sealSecret } from "../../../lib/crypto/secret-box";
import { hashPassword } from "../../../lib/auth/password";
import { db } from "../../../lib/db";
import type { Target } from "./push";

export type SeededPromoter = { id: string; name: string; sceneKey: string; qrCodeId: string };
export type SeededAccount = Target & { id: string; name: string; promoters: SeededPromoter[] };

const hex = (bytes: number) => crypto.randomBytes(bytes).toString("hex");

export type AccountOptions = { promoters: number; mode?: "plain" | "compatible" | "safe"; encodingAesKey?: string; previousEncodingAesKey?: string };

/** An account with `promoters` promoters, promoter i owning the active permanent code with scene i + 1. */
export async function seedAccount(tag: string, authSecret: string, options: AccountOptions): Promise<SeededAccount> {
  const appId = `wx${hex(8)}`;
  const token = `rel${hex(8)}`;
  const name = `REL-${tag}-ACCT-${hex(3)}`;
  const account = await db().account.create({
    data: {
      name,
      appId,
      appSecretEnc: sealSecret(hex(16), authSecret),
      mode: options.mode ?? "plain",
      ...sealAccountSecrets({ token, encodingAesKey: options.encodingAesKey, previousEncodingAesKey: options.previousEncodingAesKey }, authSecret),
    },
  });
  const promoters: SeededPromoter[] = [];
  for (let i = 0; i < options.promoters; i++) {
    const promoter = await db().promoter.create({ data: { accountId: account.id, name: `REL-${tag}-P${i + 1}-${hex(3)}` } });
    const sceneKey = String(i + 1);
    const qr = await db().qrCode.create({
      data: { accountId: account.id, promoterId: promoter.id, sceneId: i + 1, sceneKey, status: "active", ticket: `TICKET-${sceneKey}`, url: `http://weixin.qq.com/q/rel-${appId}-${sceneKey}` },
    });
    promoters.push({ id: promoter.id, name: promoter.name, sceneKey, qrCodeId: qr.id });
  }
  return { id: account.id, name, appId, token, encodingAesKey: options.encodingAesKey ?? null, promoters };
}

/** A dashboard user; also closes first-run setup, as the CLI's admin:create does. */
export async function seedUser(email: string, password: string, role: "admin" | "viewer") {
  const user = await db().user.create({ data: { email, name: email.split("@")[0], passwordHash: await hashPassword(password), role } });
  await db().setting.upsert({ where: { key: "setup.completed" }, create: { key: "setup.completed", value: new Date().toISOString() }, update: {} });
  return user;
}

export const randomAesKey = () => crypto.randomBytes(32).toString("base64").replace(/[^0-9a-zA-Z]/g, "").padEnd(43, "A").slice(0, 43);
