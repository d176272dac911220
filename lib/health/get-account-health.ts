import { getPipelineHealth, type PipelineHealth } from "../ingest/monitor/get-pipeline-health";
import { getCallbackHealth, type CallbackHealth } from "./get-callback-health";
import { getCodeBudget, type CodeBudget } from "./get-code-budget";
import { getQrcodeQuota, type QuotaState } from "./get-qrcode-quota";
import { getTokenState, type TokenState } from "./get-token-state";
import { healthWarnings, type HealthWarning } from "./health-warnings";

export type AccountHealth = {
  callback: CallbackHealth;
  /** Attribution lag and backlog, and the time of the last attributed push. */
  pipeline: PipelineHealth;
  token: TokenState;
  quota: QuotaState;
  codes: CodeBudget;
  warnings: HealthWarning[];
};

type HealthAccount = { id: string; mode: string; createdAt: Date };

/**
 * Everything the callback health card and /api/health show for one account. `cachedQuota` reads the
 * stored quota only (a monitor polling /api/health must not spend quota/get's own daily quota).
 */
export async function getAccountHealth(account: HealthAccount, { cachedQuota = false, now = new Date() } = {}): Promise<AccountHealth> {
  // The quota first: asking WeChat may refresh the token (or note why it could not), which the token state shows.
  const quota = await getQrcodeQuota(account.id, { cachedOnly: cachedQuota, now });
  const [callback, pipeline, token, codes] = await Promise.all([
    getCallbackHealth(account.id, now),
    getPipelineHealth(account.id, now),
    getTokenState(account.id, now),
    getCodeBudget(account.id, now),
  ]);
  return { callback, pipeline, token, quota, codes, warnings: healthWarnings({ account, callback, codes, token, quota, now }) };
}
