"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deletePosterTemplateAction, savePosterTemplateAction } from "@/app/(dashboard)/posters/actions";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { useFormAction } from "@/components/use-form-action";
import { format } from "@/lib/i18n/locales";
import { ALIGNS, DEFAULT_PLACEMENT, layoutOf, posterLine, POSTER_TEXT_MAX, type Align, type Placement } from "@/lib/posters/poster-layout";
import { PosterView } from "./poster-view";

type Saved = { version: string; name: string; width: number; height: number; placement: Placement };
type Values = Record<Exclude<keyof Placement, "nameAlign" | "textAlign">, string> & { nameAlign: Align; textAlign: Align };

const toPercent = (fraction: number) => String(Math.round(fraction * 10000) / 100);

function initialValues(saved: Placement | null, defaults: { name: string; text: string }): Values {
  const d = DEFAULT_PLACEMENT;
  const p: Placement = saved ?? {
    name: defaults.name, text: defaults.text,
    codeX: d.code.x, codeY: d.code.y, codeSize: d.code.size,
    nameX: d.name.x, nameY: d.name.y, nameSize: d.name.size, nameColor: d.name.color, nameAlign: d.name.align,
    textX: d.text.x, textY: d.text.y, textSize: d.text.size, textColor: d.text.color, textAlign: d.text.align,
  };
  return {
    name: p.name, text: p.text, nameColor: p.nameColor, textColor: p.textColor, nameAlign: p.nameAlign, textAlign: p.textAlign,
    codeX: toPercent(p.codeX), codeY: toPercent(p.codeY), codeSize: toPercent(p.codeSize),
    nameX: toPercent(p.nameX), nameY: toPercent(p.nameY), nameSize: toPercent(p.nameSize),
    textX: toPercent(p.textX), textY: toPercent(p.textY), textSize: toPercent(p.textSize),
  };
}

const fraction = (value: string) => (Number.isFinite(Number(value)) ? Math.min(100, Math.max(0, Number(value))) / 100 : 0);

/** The poster template's form (upload, placement in percent) beside a live preview with a sample code and name. */
export function PosterEditor({ template, sampleSvg, writable }: { template: Saved | null; sampleSvg: string; writable: boolean }) {
  const { t } = useI18n();
  const p = t.posters;
  const router = useRouter();
  const [values, setValues] = useState<Values>(() => initialValues(template?.placement ?? null, { name: p.defaultName, text: p.defaultText }));
  const [picked, setPicked] = useState<{ src: string; width: number; height: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { errors, pending, onSubmit } = useFormAction(savePosterTemplateAction, () => {
    setMessage(p.saved);
    router.refresh();
  });
  const error = (key: string) => (errors[key] ? ((p.errors as Record<string, string>)[errors[key]!] ?? t.errors.generic) : undefined);
  const set = (key: keyof Values) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValues((v) => ({ ...v, [key]: event.target.value }));

  function pick(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return setPicked(null);
    const src = URL.createObjectURL(file);
    const image = new Image();
    image.onload = () => setPicked({ src, width: image.naturalWidth, height: image.naturalHeight });
    image.src = src;
  }

  const size = picked ?? template;
  const background = picked?.src ?? (template ? `/api/posters/background?v=${template.version}` : null);
  const layout = size
    ? layoutOf({
        ...values, width: size.width, height: size.height,
        codeX: fraction(values.codeX), codeY: fraction(values.codeY), codeSize: fraction(values.codeSize),
        nameX: fraction(values.nameX), nameY: fraction(values.nameY), nameSize: fraction(values.nameSize),
        textX: fraction(values.textX), textY: fraction(values.textY), textSize: fraction(values.textSize),
      })
    : null;
  const number = (key: keyof Values, label: string) => (
    <Field label={label} name={key} type="number" min={0} max={100} step={0.5} value={values[key]} onChange={set(key)} error={error(key)} disabled={!writable} required />
  );
  const aligns = ALIGNS.map((value) => ({ value, label: p.aligns[value] }));
  const textGroup = (prefix: "name" | "text", legend: string) => (
    <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {number(`${prefix}X`, p.x)}
      {number(`${prefix}Y`, p.y)}
      {number(`${prefix}Size`, p.fontSize)}
      <Field label={p.color} name={`${prefix}Color`} type="color" value={values[`${prefix}Color`]} onChange={set(`${prefix}Color`)} error={error(`${prefix}Color`)} disabled={!writable} className="h-9 w-full rounded-md border border-slate-300" />
      <SelectField label={p.align} name={`${prefix}Align`} options={aligns} value={values[`${prefix}Align`]} onChange={set(`${prefix}Align`)} disabled={!writable} />
    </fieldset>
  );

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_360px]">
      <form onSubmit={(e) => { setMessage(null); onSubmit(e); }} className="space-y-5 rounded-xl border border-slate-200 bg-white p-5" data-testid="poster-form">
        <Field label={p.name} name="name" value={values.name} onChange={set("name")} error={error("name")} maxLength={40} disabled={!writable} />
        <Field
          label={p.background}
          name="background"
          type="file"
          accept="image/png,image/jpeg"
          onChange={pick}
          error={error("background")}
          hint={`${p.backgroundHint}${template ? ` ${p.backgroundKeep} ${format(p.size, { width: template.width, height: template.height })}` : ""}`}
          disabled={!writable}
          required={!template}
        />
        <fieldset className="grid grid-cols-3 gap-3">
          <legend className="mb-1 text-sm font-medium">{p.code}</legend>
          {number("codeX", p.x)}
          {number("codeY", p.y)}
          {number("codeSize", p.codeSize)}
        </fieldset>
        {textGroup("name", p.promoterName)}
        <Field label={p.text} name="text" value={values.text} onChange={set("text")} error={error("text")} hint={p.textHint} maxLength={POSTER_TEXT_MAX} disabled={!writable} />
        {textGroup("text", p.line)}
        <p className="text-xs text-slate-500">{p.positionHint}</p>
        {writable ? (
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={pending} data-testid="poster-save">{pending ? p.saving : p.save}</Button>
            {template ? <ConfirmButton label={p.remove} question={p.confirmRemove} testId="poster-delete" onConfirm={async () => { await deletePosterTemplateAction(); router.refresh(); }} /> : null}
            {message ? <p role="status" className="text-sm text-emerald-700" data-testid="poster-saved">{message}</p> : null}
          </div>
        ) : null}
      </form>
      <section aria-label={p.preview} className="space-y-2">
        <h2 className="text-sm font-medium text-slate-500">{p.preview}</h2>
        {layout && background ? (
          <PosterView layout={layout} backgroundSrc={background} qr={{ svg: sampleSvg }} name={p.sampleName} line={posterLine(values.text, p.sampleName)} label={p.preview} className="w-full rounded-md border border-slate-200" testId="poster-preview" />
        ) : (
          <p className="rounded-md border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500">{p.backgroundHint}</p>
        )}
      </section>
    </div>
  );
}
