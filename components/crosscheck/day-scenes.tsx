import Link from "next/link";
import { format, type Dictionary } from "@/lib/i18n/locales";

/** One day's unattributed scenes (codes Scenecode did not make), linked from the cross-check table. */
export function DayScenes({ day, scenes, t }: { day: string; scenes: { sceneKey: string; follows: number }[]; t: Dictionary }) {
  const c = t.crosscheck;
  return (
    <section id="day-scenes" className="rounded-xl border border-amber-200 bg-amber-50/50 p-5" aria-labelledby="day-scenes-title" data-testid="day-scenes">
      <h2 id="day-scenes-title" className="font-medium">{format(c.scenesTitle, { day })}</h2>
      <p className="mt-1 text-xs text-slate-600">{c.scenesIntro}</p>
      {scenes.length ? (
        <table className="mt-3 w-full max-w-md text-left text-sm">
          <thead className="text-xs text-slate-500">
            <tr><th scope="col" className="py-1 pr-3 font-medium">{c.scene}</th><th scope="col" className="py-1 font-medium">{c.follows}</th></tr>
          </thead>
          <tbody>
            {scenes.map((s) => (
              <tr key={s.sceneKey} className="border-t border-amber-100">
                <td className="py-1.5 pr-3 font-mono text-xs">{s.sceneKey}</td>
                <td className="py-1.5 tabular-nums">{s.follows}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="mt-3 text-sm text-slate-600">{c.scenesEmpty}</p>}
      <Link href="/promoters" className="mt-3 inline-block text-sm text-brand-700 underline">{c.assignOnPromoters}</Link>
    </section>
  );
}
