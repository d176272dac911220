"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { addQrCodeAction } from "@/app/(dashboard)/promoters/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { useFormAction } from "@/components/use-form-action";

const KINDS = ["QR_SCENE", "QR_STR_SCENE", "QR_LIMIT_STR_SCENE", "QR_LIMIT_SCENE"] as const;

export function AddQrCodeForm({ promoterId }: { promoterId: string }) {
  const { t } = useI18n();
  const q = t.qrcodes;
  const router = useRouter();
  const [kind, setKind] = useState<string>(KINDS[0]);
  const { errors, pending, onSubmit } = useFormAction((form: FormData) => addQrCodeAction(promoterId, form), () => router.refresh());
  const message = (key?: string) => (key ? ((q.errors as Record<string, string>)[key] ?? t.errors.generic) : undefined);

  const temporary = kind === "QR_SCENE" || kind === "QR_STR_SCENE";
  const stringScene = kind === "QR_STR_SCENE" || kind === "QR_LIMIT_STR_SCENE";
  return (
    <form onSubmit={onSubmit} noValidate aria-label={q.add} className="grid items-start gap-3 sm:grid-cols-2">
      <SelectField label={q.fields.kind} name="kind" value={kind} onChange={(e) => setKind(e.target.value)} options={KINDS.map((k) => ({ value: k, label: q.kinds[k] }))} error={message(errors.kind)} />
      <Field label={q.fields.label} name="label" error={message(errors.label)} />
      {stringScene ? <Field label={q.fields.sceneStr} name="sceneStr" spellCheck={false} error={message(errors.sceneStr)} /> : null}
      {temporary ? <Field label={q.fields.expireDays} name="expireDays" type="number" min={1} max={30} defaultValue={30} error={message(errors.expireDays)} /> : null}
      {errors.form ? <p role="alert" className="text-sm text-red-600 sm:col-span-2">{message(errors.form)}</p> : null}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>{pending ? q.adding : q.add}</Button>
      </div>
    </form>
  );
}
