"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteFollowReplyAction, saveFollowReplyAction } from "@/app/(dashboard)/follow-reply-actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { useFormAction } from "@/components/use-form-action";
import { FOLLOW_REPLY_KINDS, type FollowReplyScope, type FollowReplySpec } from "@/lib/follow-replies/follow-reply-schema";
import { WechatChatPreview, type PreviewImages } from "./wechat-chat-preview";

export type LibraryImage = { mediaId: string; fileName: string; src: string; url: string | null };

type Props = {
  accountId: string;
  scope: FollowReplyScope;
  scopeId: string;
  reply: FollowReplySpec | null;
  images: LibraryImage[];
  accountName: string;
  /** The name {promoter} becomes in the preview (a promoter's or code's own; a sample elsewhere). */
  promoterName?: string;
  testId: string;
};

type Draft = Record<string, string> & { kind: string };
const draftOf = (reply: FollowReplySpec | null): Draft => ({
  kind: reply?.kind ?? "text",
  content: reply?.content ?? "",
  mediaId: reply?.mediaId ?? "",
  title: reply?.title ?? "",
  description: reply?.description ?? "",
  picUrl: reply?.picUrl ?? "",
  url: reply?.url ?? "",
});

/** Edits one scope's follow reply (text, a library image, or a news link) with the chat preview beside it. */
export function FollowReplyEditor({ accountId, scope, scopeId, reply, images, accountName, promoterName, testId }: Props) {
  const { t } = useI18n();
  const f = t.followReplies;
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(draftOf(reply));
  const [saved, setSaved] = useState(false);
  const target = { scope, scopeId };
  const { errors, pending, onSubmit } = useFormAction(
    (form: FormData) => saveFollowReplyAction(accountId, target, form),
    () => (setSaved(true), router.refresh()),
  );
  const message = (key?: string) => (key ? ((f.errors as Record<string, string>)[key] ?? t.errors.generic) : undefined);
  const id = (name: string) => `${testId}-${name}`;
  const set = (name: string, value: string) => (setSaved(false), setDraft((d) => ({ ...d, [name]: value })));
  const input = (name: string, label: string, hint?: string) => (
    <Field id={id(name)} label={label} name={name} value={draft[name]} hint={hint} error={message(errors[name])} onChange={(e) => set(name, e.target.value)} />
  );
  const previewImages: PreviewImages = {
    byMediaId: Object.fromEntries(images.map((i) => [i.mediaId, i.src])),
    byUrl: Object.fromEntries(images.filter((i) => i.url).map((i) => [i.url!, i.src])),
  };
  const shown = draft.kind === "text" && promoterName ? { ...draft, content: draft.content.replaceAll("{promoter}", promoterName) } : draft;
  async function remove() {
    await deleteFollowReplyAction(accountId, target);
    setDraft(draftOf(null));
    router.refresh();
  }
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-[1fr_17rem]" data-testid={testId}>
      <fieldset disabled={pending} className="space-y-3">
        <SelectField id={id("kind")} label={f.fields.kind} name="kind" value={draft.kind} onChange={(e) => set("kind", e.target.value)} options={FOLLOW_REPLY_KINDS.map((v) => ({ value: v, label: f.kinds[v] }))} error={message(errors.kind)} />
        {draft.kind === "text" ? (
          <div className="space-y-1">
            <label htmlFor={id("content")} className="block text-sm font-medium text-slate-700">{f.fields.content}</label>
            <textarea id={id("content")} name="content" rows={3} value={draft.content} onChange={(e) => set("content", e.target.value)} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm" aria-invalid={errors.content ? true : undefined} />
            {errors.content ? <p role="alert" className="text-xs text-red-600">{message(errors.content)}</p> : <p className="text-xs text-slate-500">{f.fields.contentHint}</p>}
          </div>
        ) : null}
        {draft.kind === "image" ? (
          images.length ? (
            <SelectField id={id("mediaId")} label={f.fields.image} name="mediaId" value={draft.mediaId} onChange={(e) => set("mediaId", e.target.value)} options={[{ value: "", label: "—" }, ...images.map((i) => ({ value: i.mediaId, label: i.fileName }))]} error={message(errors.mediaId)} />
          ) : (
            <p className="text-sm text-amber-700" role={errors.mediaId ? "alert" : undefined}>{f.fields.noImages}</p>
          )
        ) : null}
        {draft.kind === "news" ? (
          <>
            {input("title", f.fields.title)}
            {input("description", f.fields.description)}
            {input("url", f.fields.url)}
            {input("picUrl", f.fields.picUrl)}
            {images.some((i) => i.url) ? (
              <SelectField id={id("cover")} label={f.fields.picFromLibrary} name="cover" value={images.find((i) => i.url === draft.picUrl)?.url ?? ""} onChange={(e) => e.target.value && set("picUrl", e.target.value)} options={[{ value: "", label: "—" }, ...images.filter((i) => i.url).map((i) => ({ value: i.url!, label: i.fileName }))]} />
            ) : null}
          </>
        ) : null}
        <div className="flex items-center gap-3">
          <Button type="submit">{pending ? f.saving : f.save}</Button>
          {reply ? <button type="button" onClick={remove} className="text-sm text-red-700 hover:underline" title={f.removeConfirm}>{f.remove}</button> : null}
          {saved ? <span role="status" className="text-sm text-emerald-700">{f.saved}</span> : null}
        </div>
      </fieldset>
      <div>
        <p className="mb-2 text-xs text-slate-500">{f.preview}</p>
        <WechatChatPreview reply={shown} images={previewImages} accountName={accountName} emptyLabel={f.previewEmpty} />
      </div>
    </form>
  );
}
