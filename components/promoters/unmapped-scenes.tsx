import { assignSceneAction } from "@/app/(dashboard)/promoters/actions";
import type { Dictionary, Locale } from "@/lib/i18n/locales";

type Scene = { sceneKey: string; follows: number; lastAt: Date | null };

/** Scenes that arrived with no code behind them, each with a form to give it to a promoter. */
export function UnmappedScenes({ scenes, promoters, t, locale, timeZone, writable }: {
  scenes: Scene[];
  promoters: { id: string; name: string }[];
  t: Dictionary;
  locale: Locale;
  timeZone: string;
  writable: boolean;
}) {
  const u = t.promoters.unmapped;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <section className="rounded-xl border border-amber-200 bg-amber-50/50 p-5" aria-labelledby="unmapped-title" data-testid="unmapped-scenes">
      <h2 id="unmapped-title" className="font-medium">{u.title}</h2>
      <p className="mt-1 text-xs text-slate-600">{u.intro}</p>
      <table className="mt-3 w-full text-left text-sm">
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">{u.scene}</th>
            <th scope="col" className="py-1 pr-3 font-medium">{u.follows}</th>
            <th scope="col" className="py-1 pr-3 font-medium">{u.last}</th>
            {writable ? <th scope="col" className="py-1 font-medium">{u.promoter}</th> : null}
          </tr>
        </thead>
        <tbody>
          {scenes.map((s) => (
            <tr key={s.sceneKey} className="border-t border-amber-100">
              <td className="py-1.5 pr-3 font-mono text-xs">{s.sceneKey}</td>
              <td className="py-1.5 pr-3 tabular-nums">{s.follows}</td>
              <td className="py-1.5 pr-3 text-slate-600">{s.lastAt ? dateTime.format(s.lastAt) : "—"}</td>
              {writable ? (
                <td className="py-1.5">
                  <form action={assignSceneAction} className="flex gap-2">
                    <input type="hidden" name="sceneKey" value={s.sceneKey} />
                    <label className="sr-only" htmlFor={`assign-${s.sceneKey}`}>{u.promoter}</label>
                    <select id={`assign-${s.sceneKey}`} name="promoterId" required className="min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
                      {promoters.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                    </select>
                    <button className="rounded-md bg-brand-600 px-2.5 py-1 text-sm text-white hover:bg-brand-700">{u.assign}</button>
                  </form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
