import Link from "next/link";
import { format, type Dictionary, type Locale } from "@/lib/i18n/locales";
import type { SignalBadge as Badge } from "@/lib/signals/get-signal-badges";
import type { SignalThresholds } from "@/lib/signals/signal-settings";

/** One line per raised signal, with its numbers (the badge's tooltip and the flagged list). */
export function signalLines(b: Badge, t: Dictionary, locale: Locale, s: SignalThresholds): string[] {
  const x = t.signals.explain;
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const share = (count: number, sample: number) => percent.format(sample ? count / sample : 0);
  return b.kinds.map((kind) =>
    kind === "quick" ? `${t.signals.kinds.quick}${t.signals.sep}${format(x.quick, { count: b.quickUnfollows, sample: b.newFollowers, share: share(b.quickUnfollows, b.newFollowers), pct: s.quickUnfollowPct })}`
      : kind === "burst" ? `${t.signals.kinds.burst}${t.signals.sep}${format(x.burst, { count: b.burstMinutes, limit: s.burstPerMinute })}`
        : `${t.signals.kinds.night}${t.signals.sep}${format(x.night, { count: b.nightFollows, sample: b.follows, share: share(b.nightFollows, b.follows), start: s.nightStartHour, end: s.nightEndHour, pct: s.nightPct })}`,
  );
}

/** The highlight beside a flagged promoter's name; hovering or focusing it shows why (no script needed). */
export function SignalBadge({ promoterId, badge, t, locale, thresholds }: { promoterId: string; badge: Badge; t: Dictionary; locale: Locale; thresholds: SignalThresholds }) {
  const lines = signalLines(badge, t, locale, thresholds);
  const tipId = `signal-tip-${promoterId}`;
  return (
    <span className="group relative ml-2 inline-block align-middle">
      <Link href={`/promoters/${promoterId}#signals`} aria-describedby={tipId} data-testid="signal-badge" data-kinds={badge.kinds.join(",")}
        className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-300 hover:bg-amber-200">
        ⚠ {t.signals.badge}
      </Link>
      <span id={tipId} role="tooltip" data-testid="signal-tooltip"
        className="invisible absolute left-0 top-full z-20 mt-1 w-72 rounded-md bg-slate-900 p-2 text-xs font-normal text-white shadow-lg group-focus-within:visible group-hover:visible">
        <span className="block font-medium">{t.signals.why} · {format(t.signals.badgeTitle, { from: badge.fromDay, to: badge.toDay })}</span>
        {lines.map((line) => <span key={line} className="mt-1 block">{line}</span>)}
        <span className="mt-1 block text-slate-300">{t.signals.neverChanges}</span>
      </span>
    </span>
  );
}
