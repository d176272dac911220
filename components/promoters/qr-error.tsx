import { format, type Dictionary, type Locale } from "@/lib/i18n/locales";
import { NETWORK_FAILURE } from "@/lib/promoters/issue-qrcode";
import { qrErrorHint } from "@/lib/promoters/qr-error-hint";

/** WeChat's refusal, with the errcode and what the operator can do about it. */
export function QrError({ errcode, errmsg, locale, t }: { errcode: number | null; errmsg: string | null; locale: Locale; t: Dictionary }) {
  const hint = errcode !== null ? qrErrorHint(errcode, errmsg ?? "") : null;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      <p className="font-medium">{t.promoters.detail.failedTitle}</p>
      {hint ? <p className="mt-1">{locale === "en" ? hint.en : hint.zh}</p> : null}
      <p className="mt-1 text-xs text-red-700">
        {errcode !== null && errcode !== NETWORK_FAILURE ? `${format(t.promoters.detail.errcode, { errcode })} · ` : ""}
        {errmsg}
      </p>
    </div>
  );
}
