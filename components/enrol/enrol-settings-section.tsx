import { getEnrolSettings } from "@/lib/enrol/save-enrol-settings";
import { enrolLinkOrigin } from "@/lib/enrol/link-origin";
import type { Dictionary } from "@/lib/i18n/locales";
import { format } from "@/lib/i18n/locales";
import { EnrolSettingsForm } from "./enrol-settings-form";

/** The settings page's 推广 / 我的数据 section (admins edit; viewers see nothing of it). */
export async function EnrolSettingsSection({ accountId, origin, t }: { accountId: string; origin: string; t: Dictionary }) {
  const settings = await getEnrolSettings(accountId);
  const s = t.enrol.settings;
  return (
    <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="enrol-title" data-testid="enrol-settings">
      <div>
        <h2 id="enrol-title" className="font-medium">{s.title}</h2>
        <p className="mt-1 text-sm text-slate-600">{s.intro}</p>
        <p className="mt-1 text-xs text-slate-500">{s.precedence}</p>
      </div>
      <EnrolSettingsForm key={accountId} accountId={accountId} settings={settings} />
      <p className="text-xs text-slate-500" data-testid="enrol-link-origin">{format(s.linkOrigin, { origin: enrolLinkOrigin(settings.linkOrigin ?? origin) })}</p>
      <p className="text-xs text-slate-500">{s.linkNote}</p>
    </section>
  );
}
