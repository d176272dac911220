"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createTagMappingAction, type WechatRefusal } from "@/app/(dashboard)/tags/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { useFormAction } from "@/components/use-form-action";
import { format } from "@/lib/i18n/locales";
import { tagErrorHint } from "@/lib/tags/tag-hints";
import { TARGET_TYPES, type TargetType } from "@/lib/tags/tag-mapping-schema";

type Targets = Record<TargetType, { id: string; name: string }[]>;

/** Maps a team, campaign or promoter to a new WeChat tag; WeChat's refusals are shown with what to do. */
export function TagMappingForm({ targets }: { targets: Targets }) {
  const { t, locale } = useI18n();
  const g = t.tags;
  const router = useRouter();
  const [type, setType] = useState<TargetType>("team");
  const [done, setDone] = useState<string | null>(null);
  const [wechat, setWechat] = useState<WechatRefusal | null>(null);
  const { errors, pending, onSubmit } = useFormAction(
    async (form: FormData) => {
      const result = await createTagMappingAction(form);
      setWechat(result.ok ? null : (result.wechat ?? null));
      return result;
    },
    (result, _form, element) => {
      setDone(format(g.created, { name: result.name, queued: result.queued }, locale));
      element.reset();
      router.refresh();
    },
  );
  const message = (key?: string) => {
    if (!key) return undefined;
    if (key === "wechat" && wechat) return format(g.errors.wechat, { errcode: wechat.errcode, hint: tagErrorHint(wechat.errcode, wechat.errmsg)[locale === "en" ? "en" : "zh"] }, locale);
    return (g.errors as Record<string, string>)[key] ?? t.errors.generic;
  };
  const options = targets[type].map((x) => ({ value: x.id, label: x.name }));
  return (
    <form onSubmit={onSubmit} noValidate aria-label={g.create} data-testid="create-tag-form" className="grid items-start gap-4 lg:grid-cols-3">
      <SelectField label={g.fields.targetType} name="targetType" value={type} onChange={(e) => setType(e.target.value as TargetType)}
        options={TARGET_TYPES.map((x) => ({ value: x, label: g.targetTypes[x] }))} error={message(errors.targetType)} />
      {options.length ? (
        <SelectField key={type} label={g.fields.target} name="targetId" options={options} error={message(errors.targetId)} />
      ) : (
        <p className="self-end pb-2 text-sm text-slate-500">{g.noTargets}</p>
      )}
      <Field label={g.fields.name} name="name" required maxLength={30} hint={g.fields.nameHint} error={message(errors.name)} autoComplete="off" />
      <label className="flex items-center gap-2 text-sm lg:col-span-3">
        <input type="checkbox" name="tagExisting" defaultChecked className="h-4 w-4" />
        {g.fields.tagExisting}
      </label>
      {errors.form ? <p role="alert" className="text-sm text-red-700 lg:col-span-3" data-testid="tag-form-error">{message(errors.form)}</p> : null}
      {done && !Object.keys(errors).length ? <p role="status" className="text-sm text-emerald-700 lg:col-span-3" data-testid="tag-created">{done}</p> : null}
      <div><Button type="submit" disabled={pending || !options.length}>{pending ? g.creating : g.create}</Button></div>
    </form>
  );
}
