import { ZodError } from "zod";
import { db } from "../../lib/db";
import { createApiKey } from "../../lib/api-keys/create-api-key";

export const APIKEY_CREATE_OPTIONS = { name: { type: "string" }, account: { type: "string" } } as const satisfies Record<string, { type: "string" | "boolean" }>;

export const APIKEY_CREATE_USAGE =
  "apikey:create --name N [--account wx…]   create a REST API key (printed once); bound to that AppID, else to the first account";

export async function apikeyCreate(values: Record<string, unknown>) {
  const appId = typeof values.account === "string" ? values.account.trim() : "";
  let accountId: string | null = null;
  if (appId) {
    const account = await db().account.findUnique({ where: { appId }, select: { id: true } });
    if (!account) throw new Error(`--account: no connected Official Account has AppID ${appId}`);
    accountId = account.id;
  }
  let created: Awaited<ReturnType<typeof createApiKey>>;
  try {
    created = await createApiKey({ name: values.name ?? "", accountId }, { email: "cli" });
  } catch (error) {
    if (error instanceof ZodError) {
      throw new Error(error.issues.map((i) => `--${String(i.path[0])}: ${DESCRIBE[i.message] ?? i.message}`).join("; "));
    }
    throw error;
  }
  const scope = appId ? `account ${appId}` : "the first connected account (unbound)";
  console.log(`Created API key "${created.name}" (id ${created.id}, prefix ${created.prefix}) for ${scope}:`);
  console.log(created.key);
  console.log("Store it now: it is shown only once and cannot be recovered. Send it as Authorization: Bearer <key>.");
}

// The schema's messages are dictionary keys; the CLI speaks plain English.
const DESCRIBE: Record<string, string> = {
  nameRequired: "is required",
  nameLong: "must be at most 60 characters",
};
