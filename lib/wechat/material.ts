// Permanent material (永久素材): image upload and deletion.
import { z } from "zod";
import { withAccessToken } from "./access-token";
import { wechatRequest } from "./api-client";

const addedSchema = z.object({ media_id: z.string().min(1), url: z.string().optional() });

/** Uploads a permanent image; WeChat answers with its media_id (for image replies) and URL. */
export async function addImageMaterial(accountId: string, file: { name: string; type: string; bytes: Uint8Array }): Promise<{ mediaId: string; url: string | null }> {
  const response = await withAccessToken(accountId, (token) => {
    const form = new FormData(); // built per attempt: a retry after a token refresh sends it again
    form.append("media", new Blob([Buffer.from(file.bytes)], { type: file.type }), file.name);
    return wechatRequest<unknown>("/cgi-bin/material/add_material", { query: { access_token: token, type: "image" }, form, timeoutMs: 30_000 });
  });
  const parsed = addedSchema.safeParse(response);
  if (!parsed.success) throw new Error("WeChat's material/add_material response had no media_id");
  return { mediaId: parsed.data.media_id, url: parsed.data.url ?? null };
}

/** Deletes a permanent material by media_id. */
export async function deleteMaterial(accountId: string, mediaId: string): Promise<void> {
  await withAccessToken(accountId, (token) => wechatRequest("/cgi-bin/material/del_material", { query: { access_token: token }, body: { media_id: mediaId } }));
}
