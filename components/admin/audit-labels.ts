// Turning stored audit rows into words: action keys to labels, detail objects to one short line.

/** The dictionary's label for an action, or the raw key for actions it does not know (yet). */
export function actionLabel(action: string, labels: Record<string, string>): string {
  return Object.hasOwn(labels, action) ? labels[action] : action;
}

/** The category an action belongs to ("user.disable" → "user"). */
export function actionCategory(action: string): string {
  return action.split(".")[0] ?? action;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** "email: a@b.c · role: viewer", cut to `max` characters; empty for no detail. */
export function summarizeDetail(detail: Record<string, unknown> | null, max = 160): string {
  if (!detail) return "";
  const line = Object.entries(detail).map(([key, value]) => `${key}: ${show(value)}`).join(" · ");
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
