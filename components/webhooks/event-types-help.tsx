import type { Dictionary } from "@/lib/i18n/locales";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

/** What each event type an endpoint can subscribe to means (the README has the payloads). */
export function EventTypesHelp({ t }: { t: Dictionary }) {
  const w = t.webhooks;
  return (
    <dl className="mt-4 grid gap-x-4 gap-y-1 text-xs text-slate-600 sm:grid-cols-[auto_1fr]" data-testid="webhook-event-types">
      {WEBHOOK_EVENT_TYPES.map((type) => (
        <div key={type} className="contents">
          <dt className="font-mono text-slate-800">{type}</dt>
          <dd>{w.events[type]} · {w.eventHelp[type]}</dd>
        </div>
      ))}
    </dl>
  );
}
