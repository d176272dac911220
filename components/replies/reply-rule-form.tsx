"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { addReplyRuleAction } from "@/app/(dashboard)/settings/forward-actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { useFormAction } from "@/components/use-form-action";
import { REPLY_KINDS, REPLY_TRIGGERS } from "@/lib/replies/reply-rule-schema";
import type { LibraryImage } from "@/components/follow-replies/follow-reply-editor";
import { ReplyPreview } from "./reply-preview";

/** Adds one automatic reply; the fields follow the trigger and reply type, with a live preview. */
export function ReplyRuleForm({ accountId, images = [] }: { accountId: string; images?: LibraryImage[] }) {
  const { t } = useI18n();
  const r = t.forward.replies;
  const router = useRouter();
  const [draft, setDraft] = useState<Record<string, string>>({ trigger: "exact", kind: "text" });
  const { errors, pending, onSubmit } = useFormAction(
    (form: FormData) => addReplyRuleAction(accountId, form),
    (_result, _form, element) => (element.reset(), setDraft({ trigger: "exact", kind: "text" }), router.refresh()),
  );
  const message = (key?: string) => (key ? ((r.errors as Record<string, string>)[key] ?? t.errors.generic) : undefined);
  const keyword = draft.trigger === "exact" || draft.trigger === "contains";
  const field = (name: string, label: string, hint?: string) => <Field label={label} name={name} hint={hint} error={message(errors[name])} />;
  return (
    <form
      onSubmit={onSubmit}
      onChange={(e) => setDraft(Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>)}
      noValidate
      className="grid gap-4 sm:grid-cols-2"
      aria-label={r.add}
    >
      <fieldset disabled={pending} className="contents">
        <SelectField label={r.fields.trigger} name="trigger" value={draft.trigger} onChange={() => {}} options={REPLY_TRIGGERS.map((v) => ({ value: v, label: r.triggers[v] }))} error={message(errors.trigger)} />
        {keyword ? field("keyword", r.fields.keyword) : <p className="self-end text-xs text-slate-500">{draft.trigger === "follow" ? r.followNote : ""}</p>}
        <SelectField label={r.fields.kind} name="kind" value={draft.kind} onChange={() => {}} options={REPLY_KINDS.map((v) => ({ value: v, label: r.kinds[v] }))} error={message(errors.kind)} />
        {draft.kind === "text" ? field("content", r.fields.content) : null}
        {draft.kind === "image" && images.length ? (
          // The library's images (公众号设置 → 图片素材) instead of a typed media_id.
          <SelectField label={r.fields.mediaId} name="mediaId" defaultValue="" options={[{ value: "", label: "—" }, ...images.map((i) => ({ value: i.mediaId, label: i.fileName }))]} error={message(errors.mediaId)} />
        ) : null}
        {draft.kind === "image" && !images.length ? field("mediaId", r.fields.mediaId, r.fields.mediaIdHint) : null}
        {draft.kind === "news" ? (
          <>
            {field("title", r.fields.title)}
            {field("description", r.fields.description)}
            {field("url", r.fields.url)}
            {field("picUrl", r.fields.picUrl)}
          </>
        ) : null}
        <div className="rounded-lg bg-slate-100 p-3 sm:col-span-2">
          <p className="mb-2 text-xs text-slate-500">{r.preview}</p>
          <ReplyPreview draft={{ ...draft, kind: draft.kind ?? "text" }} emptyLabel={r.previewEmpty} images={{ byMediaId: Object.fromEntries(images.map((i) => [i.mediaId, i.src])), byUrl: {} }} />
        </div>
        <div className="sm:col-span-2">
          <Button type="submit">{pending ? r.adding : r.add}</Button>
        </div>
      </fieldset>
    </form>
  );
}
