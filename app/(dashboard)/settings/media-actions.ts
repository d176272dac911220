"use server";

import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { canUseAccount } from "@/lib/accounts/account-access";
import { requireUser } from "@/lib/auth/session";
import { ImageFileError, uploadImage } from "@/lib/media/upload-image";
import { deleteMediaAsset, MediaInUseError } from "@/lib/media/manage-media";
import { WechatApiError, WechatNetworkError, type WechatErrorHint } from "@/lib/wechat/wechat-error";

/** problem: a key under media.errors; wechat: WeChat's errcode with what to do. */
export type MediaResult = { ok: true } | { ok: false; problem?: string; uses?: number; wechat?: { errcode: number; hint: WechatErrorHint } };

async function adminOf(accountId: string) {
  const user = await requireUser("write");
  if (typeof accountId !== "string" || !canUseAccount(user, accountId)) forbidden();
  return user;
}

async function attempt(work: () => Promise<unknown>): Promise<MediaResult> {
  try {
    await work();
    revalidatePath("/", "layout"); // the pickers on settings, promoter and campaign pages
    return { ok: true };
  } catch (error) {
    if (error instanceof ImageFileError) return { ok: false, problem: error.problem };
    if (error instanceof MediaInUseError) return { ok: false, problem: "inUse", uses: error.uses };
    if (error instanceof WechatApiError) return { ok: false, wechat: { errcode: error.errcode, hint: error.hint } };
    if (error instanceof WechatNetworkError) return { ok: false, problem: "network" };
    throw error;
  }
}

export async function uploadImageAction(accountId: string, form: FormData): Promise<MediaResult> {
  const user = await adminOf(accountId);
  const file = form.get("file");
  if (!(file instanceof File)) return { ok: false, problem: "empty" };
  return attempt(async () => uploadImage(accountId, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, user));
}

export async function deleteMediaAction(accountId: string, assetId: string): Promise<MediaResult> {
  const user = await adminOf(accountId);
  if (typeof assetId !== "string") return { ok: false, problem: "empty" };
  return attempt(() => deleteMediaAsset(accountId, assetId, user));
}
