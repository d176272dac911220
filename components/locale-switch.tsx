"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/actions";
import { locales } from "@/lib/i18n/locales";
import { useI18n } from "./i18n-provider";

const LABELS = { "zh-CN": "中文", en: "English" } as const;

export function LocaleSwitch({ className = "" }: { className?: string }) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={t.nav.language} className={`inline-flex rounded-md border border-slate-300 text-xs ${className}`}>
      {locales.map((value) => (
        <button
          key={value}
          type="button"
          lang={value}
          aria-pressed={locale === value}
          disabled={pending}
          onClick={() => startTransition(async () => { await setLocaleAction(value); router.refresh(); })}
          className={`px-2.5 py-1 first:rounded-l-md last:rounded-r-md ${locale === value ? "bg-slate-800 text-white" : "text-slate-600 hover:bg-slate-100"}`}
        >
          {LABELS[value]}
        </button>
      ))}
    </div>
  );
}
