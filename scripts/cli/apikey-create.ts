import { ZodError } from "zod";
import { db } from "../../lib/db";
import { createApiKey } from "../../lib/api-keys/create-api-key";

export const APIKEY_CREATE_OPTIONS = {
  name: { type: "string" },
  account: { type: "string" },
  scope: { type: "string" },
  expires: { type: "string" },
} as const satisfies Record<string, { type: "string" | "boolean" }>;

export const APIKEY_CREATE_USAGE =
  "apikey:create --name N --account wx… [--scope read|read-write] [--expires YYYY-MM-DD|<days>d]   create a REST API key (printed once) for that AppID; read-only unless --scope read-write";

/** "2027-01-31" as it is, "90d" as that many days from now (UTC). */
export function expiresOption(value: unknown, now = new Date()): string {
  const text = typeof value === "string" ? value.trim() : "";
  const days = /^(\d{1,4})d$/.exec(text);
  return days ? new Date(now.getTime() + Number(days[1]) * 86_400_000).toISOString() : text;
}

export async function apikeyCreate(values: Record<string, unknown>) {
  const appId = typeof values.account === "string" ? values.account.trim() : "";
  if (!appId) throw new Error("--account: the AppID of the Official Account the key acts on is required (every key is bound to one account)");
  const account = await db().account.findUnique({ where: { appId }, select: { id: true } });
  if (!account) throw new Error(`--account: no connected Official Account has AppID ${appId}`);
  let created: Awaited<ReturnType<typeof createApiKey>>;
  try {
    created = await createApiKey({ name: values.name ?? "", accountId: account.id, scope: values.scope ?? "read", expiresAt: expiresOption(values.expires) }, { email: "cli" });
  } catch (error) {
    if (error instanceof ZodError) {
      throw new Error(error.issues.map((i) => `--${FLAG[String(i.path[0])] ?? String(i.path[0])}: ${DESCRIBE[i.message] ?? i.message}`).join("; "));
    }
    throw error;
  }
  const expiry = created.expiresAt ? `, expires ${created.expiresAt.toISOString()}` : ", no expiry";
  console.log(`Created API key "${created.name}" (id ${created.id}, prefix ${created.prefix}) for account ${appId}, ${created.scope}${expiry}:`);
  console.log(created.key);
  console.log("Store it now: it is shown only once and cannot be recovered. Send it as Authorization: Bearer <key>.");
}

const FLAG: Record<string, string> = { expiresAt: "expires", accountId: "account" };

// The schema's messages are dictionary keys; the CLI speaks plain English.
const DESCRIBE: Record<string, string> = {
  nameRequired: "is required",
  nameLong: "must be at most 60 characters",
  scopeInvalid: "must be read or read-write",
  expiresInvalid: "must be a date (YYYY-MM-DD) or a number of days (e.g. 90d), after now and within five years",
  accountRequired: "is required",
};
