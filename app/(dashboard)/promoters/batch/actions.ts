"use server";

import { z } from "zod";
import { requireActiveAccountId } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { startBatch } from "@/lib/batch/batch-scope";
import { generateNextBatch, type BatchStep } from "@/lib/batch/generate-next-batch";

const scopeSchema = z.object({ ids: z.array(z.string().regex(/^[\w-]{1,64}$/)).max(5000).optional() });
const stepSchema = scopeSchema.extend({ since: z.iso.datetime(), limit: z.number().int().min(1).max(25).default(10) });

/** Starts a run (now, on the server's clock) and tells how many codes it covers. */
export async function startBatchAction(input: { ids?: string[] }): Promise<{ since: string; total: number }> {
  await requireUser("write");
  const { ids } = scopeSchema.parse(input);
  return startBatch(await requireActiveAccountId(), ids);
}

/** Creates the next few codes of a run; the progress UI calls it until nothing remains or WeChat says stop. */
export async function generateNextBatchAction(input: { since: string; ids?: string[]; limit?: number }): Promise<BatchStep> {
  await requireUser("write");
  const { since, ids, limit } = stepSchema.parse(input);
  return generateNextBatch({ accountId: await requireActiveAccountId(), promoterIds: ids, since: new Date(since) }, { limit });
}
