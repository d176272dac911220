"use server";

import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { canUseAccount } from "@/lib/accounts/account-access";
import { requireUser } from "@/lib/auth/session";
import { refreshQrcodeQuota } from "@/lib/health/get-qrcode-quota";

/** Asks WeChat for today's qrcode/create quota now, past the 10-minute cache (the home page's refresh button). */
export async function refreshQuotaAction(accountId: string) {
  const user = await requireUser("read");
  if (typeof accountId !== "string" || !canUseAccount(user, accountId)) forbidden();
  await refreshQrcodeQuota(accountId);
  revalidatePath("/");
}
