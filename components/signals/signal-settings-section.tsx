import { SignalSettingsForm } from "@/components/signals/signal-settings-form";
import type { Dictionary } from "@/lib/i18n/locales";
import { getSignalThresholds } from "@/lib/signals/signal-settings";

/** The settings page's 异常信号（防刷）section: loads the account's thresholds; editable by admins. */
export async function SignalSettingsSection({ accountId, canEdit, t }: { accountId: string; canEdit: boolean; t: Dictionary }) {
  const thresholds = await getSignalThresholds(accountId);
  return (
    <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="signals-settings-title" data-testid="signal-settings">
      <div>
        <h2 id="signals-settings-title" className="font-medium">{t.signals.settings.title}</h2>
        <p className="mt-1 text-sm text-slate-600">{t.signals.settings.intro}</p>
      </div>
      <SignalSettingsForm key={accountId} accountId={accountId} thresholds={thresholds} readOnly={!canEdit} />
    </section>
  );
}
