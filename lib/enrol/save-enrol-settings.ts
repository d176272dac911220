import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { forgetCallbackCaches } from "../ingest/forget-callback-caches";
import { AUTO_APPROVE_LIMIT, enrolSettingsSchema } from "./enrol-schema";

type Actor = { email: string; id?: string | null };

export type EnrolSettings = {
  enrolKeyword: string | null;
  autoApprove: boolean;
  autoApproveDailyLimit: number;
  receivedText: string | null;
  approvedText: string | null;
  statsKeyword: string | null;
  linkOrigin: string | null;
};

export const ENROL_OFF: EnrolSettings = {
  enrolKeyword: null,
  autoApprove: false,
  autoApproveDailyLimit: AUTO_APPROVE_LIMIT.default,
  receivedText: null,
  approvedText: null,
  statsKeyword: null,
  linkOrigin: null,
};

const SELECT = { enrolKeyword: true, autoApprove: true, autoApproveDailyLimit: true, receivedText: true, approvedText: true, statsKeyword: true, linkOrigin: true } as const;

/** The account's 推广 / 我的数据 settings; both keywords off when never saved. */
export async function getEnrolSettings(accountId: string): Promise<EnrolSettings> {
  return (await db().enrolSetting.findUnique({ where: { accountId }, select: SELECT })) ?? ENROL_OFF;
}

/**
 * Saves the settings (throws ZodError, changing nothing, for bad input). `origin` is the dashboard's
 * address the admin saved from: links in WeChat replies use it when NEXTAUTH_URL is not set.
 */
export async function saveEnrolSettings(accountId: string, input: unknown, origin: string | null, actor: Actor): Promise<EnrolSettings> {
  const data = { ...enrolSettingsSchema.parse(input), linkOrigin: origin };
  try {
    return await db().$transaction(async (tx) => {
      const saved = await tx.enrolSetting.upsert({ where: { accountId }, create: { accountId, ...data }, update: data, select: SELECT });
      await writeAudit(tx, {
        actor: actor.email,
        userId: actor.id,
        action: "account.enrol",
        targetType: "account",
        targetId: accountId,
        detail: { enrolKeyword: data.enrolKeyword, autoApprove: data.autoApprove, autoApproveDailyLimit: data.autoApproveDailyLimit, statsKeyword: data.statsKeyword },
      });
      return saved;
    });
  } finally {
    forgetCallbackCaches(); // the next message is matched against the new keywords
  }
}
