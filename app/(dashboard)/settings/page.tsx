import Link from "next/link";
import { AccountForm } from "@/components/accounts/account-form";
import { ClearPreviousKeyButton } from "@/components/accounts/clear-previous-key-button";
import { CopyButton } from "@/components/copy-button";
import { EnrolSettingsSection } from "@/components/enrol/enrol-settings-section";
import { CheckUpstreamButton } from "@/components/forward/check-upstream-button";
import { ForwardForm } from "@/components/forward/forward-form";
import { QualifyDaysSection } from "@/components/qualified/qualify-days-section";
import { AccountFollowReplies } from "@/components/follow-replies/account-follow-replies";
import { ReplyRuleForm } from "@/components/replies/reply-rule-form";
import { ReplyRuleTable } from "@/components/replies/reply-rule-table";
import { SignalSettingsSection } from "@/components/signals/signal-settings-section";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { getAccountSettings } from "@/lib/accounts/get-account-settings";
import { getForwardSettings } from "@/lib/forward/get-forward-settings";
import { listLibraryImages } from "@/lib/media/manage-media";
import { listReplyRules } from "@/lib/replies/save-reply-rule";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { format } from "@/lib/i18n/locales";
import { requestOrigin } from "@/lib/request-origin";
import { DEFAULT_TIMEZONE } from "@/lib/stats/day";

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ new?: string }> }) {
  const user = await requireUser("read");
  const [{ t, locale }, { account }, origin, params] = await Promise.all([getDictionary(), getActiveAccount(), requestOrigin(), searchParams]);
  const a = t.accounts;
  const creating = !account || params.new === "1";
  // Masks for admins, nothing secret for viewers: the Token and keys never reach a browser.
  const canEdit = can(user.role, "write");
  const [settings, forward, rules, images] = account && !creating
    ? await Promise.all([getAccountSettings(account.id, user.role), canEdit ? getForwardSettings(account.id) : null, listReplyRules(account.id), listLibraryImages(account.id)])
    : [null, null, [], []];
  const previousKey = settings?.secrets?.previousEncodingAesKey;
  const previousKeyUsedAt = settings?.secrets?.previousKeyUsedAt;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: account?.timezone ?? DEFAULT_TIMEZONE });
  const callbackUrl = account ? `${origin}/api/wechat/${account.appId}` : null;
  const steps = [a.steps.one, a.steps.two, a.steps.three, a.steps.four, a.steps.five];
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{a.title}</h1>
          <p className="mt-1 text-sm text-slate-600">{account ? a.intro : a.empty}</p>
        </div>
        {account && !creating && canEdit ? (
          <Link href="/settings?new=1" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50">{a.add}</Link>
        ) : null}
      </div>
      {callbackUrl && !creating ? (
        <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="callback-title">
          <h2 id="callback-title" className="font-medium">{a.callbackTitle}</h2>
          <p className="mt-3 text-sm text-slate-500">{a.callbackUrl}</p>
          <div className="mt-1 flex items-center gap-2">
            <code data-testid="callback-url" className="min-w-0 flex-1 truncate rounded bg-slate-100 px-2 py-1.5 text-sm">{callbackUrl}</code>
            <CopyButton value={callbackUrl} label={a.copy} copiedLabel={a.copied} />
          </div>
          {account && previousKey?.set ? (
            <div role="status" className="mt-4 flex flex-wrap items-center gap-3 rounded-md bg-amber-50 p-3 text-sm text-amber-800">
              <div className="flex-1 space-y-1">
                <p>{format(a.previousKey, { key: previousKey.last4 ?? "" })}</p>
                <p data-testid="previous-key-used">{previousKeyUsedAt ? format(a.previousKeyUsed, { when: when.format(previousKeyUsedAt) }) : a.previousKeyUnused}</p>
              </div>
              <ClearPreviousKeyButton accountId={account.id} label={a.removePreviousKey} />
            </div>
          ) : null}
          <h3 className="mt-5 text-sm font-medium">{a.steps.title}</h3>
          <ol className="mt-2 list-decimal space-y-1.5 pl-5 text-sm text-slate-700">
            {steps.map((s) => <li key={s}>{s}</li>)}
          </ol>
        </section>
      ) : null}
      <section className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 className="mb-4 font-medium">{creating ? a.add : `${a.edit} · ${account?.name}`}</h2>
        <AccountForm
          key={creating ? "new" : account?.id}
          account={settings}
          readOnly={!canEdit}
        />
      </section>
      {account && !creating ? <QualifyDaysSection accountId={account.id} t={t} canEdit={canEdit} /> : null}
      {account && forward ? (
        <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="forward-title" data-testid="forward-settings">
          <div>
            <h2 id="forward-title" className="font-medium">{t.forward.title}</h2>
            <p className="mt-1 text-sm text-slate-600">{t.forward.intro}</p>
            <p className="mt-1 text-xs text-slate-500">{t.forward.precedence}</p>
          </div>
          <ForwardForm key={account.id} accountId={account.id} settings={forward} />
          <CheckUpstreamButton accountId={account.id} />
          {forward.forwardUrl ? (
            <p data-testid="forward-failure" className={`text-sm ${forward.forwardFailedAt ? "text-amber-700" : "text-slate-500"}`}>
              {forward.forwardFailedAt ? format(t.forward.lastFailure, { when: when.format(forward.forwardFailedAt), problem: forward.forwardFailure ?? "" }) : t.forward.noFailure}
            </p>
          ) : null}
        </section>
      ) : null}
      {account && !creating ? <AccountFollowReplies account={account} canEdit={canEdit} t={t} /> : null}
      {account && !creating ? (
        <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="replies-title">
          <div>
            <h2 id="replies-title" className="font-medium">{t.forward.replies.title}</h2>
            <p className="mt-1 text-sm text-slate-600">{t.forward.replies.intro}</p>
          </div>
          <ReplyRuleTable accountId={account.id} rules={rules} t={t.forward.replies} canEdit={canEdit} />
          {canEdit ? <ReplyRuleForm accountId={account.id} images={images} /> : null}
        </section>
      ) : null}
      {account && !creating && canEdit ? <EnrolSettingsSection accountId={account.id} origin={origin} t={t} /> : null}
      {account && !creating ? <SignalSettingsSection accountId={account.id} canEdit={canEdit} t={t} /> : null}
    </div>
  );
}
