// Message templates: `{name}` placeholders and ICU-style plural blocks,
// `{count, plural, =0 {…} one {# row} other {# rows}}`, where `#` is the count. zh-CN has no plural
// forms, so its messages need only placeholders; English count messages choose their words here.

type Values = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

/** The index of the brace that closes the one at `open`, or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

/** Callers may pass counts already formatted for display ("1,234"); the rule needs the number. */
const countOf = (value: string | number) => (typeof value === "number" ? value : Number(value.replace(/[\s,\u00a0\u202f']/g, "")));

function plural(name: string, spec: string, values: Values, locale: string): string | null {
  const branches = new Map<string, string>();
  const branch = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;
  let at = 0;
  for (;;) {
    branch.lastIndex = at;
    const m = branch.exec(spec);
    if (!m) break;
    const open = m.index + m[0].length - 1;
    const close = closingBrace(spec, open);
    if (close < 0) return null;
    branches.set(m[1], spec.slice(open + 1, close));
    at = close + 1;
  }
  if (spec.slice(at).trim() !== "") return null;
  if (!Object.hasOwn(values, name) || !branches.has("other")) return null;
  const n = countOf(values[name]);
  const chosen = branches.get(`=${n}`) ?? branches.get(rulesFor(locale).select(n)) ?? branches.get("other")!;
  // `#` stands for the count, except inside a nested block.
  let text = "";
  let depth = 0;
  for (const c of chosen) {
    if (c === "{") depth++;
    if (c === "}") depth--;
    text += c === "#" && depth === 0 ? String(values[name]) : c;
  }
  return formatMessage(text, values, locale);
}

/**
 * Fills a template's placeholders and plural blocks. `locale` picks the plural rules; it defaults to
 * English, the only one of our languages with plural forms. Unknown placeholders are left as written.
 */
export function formatMessage(template: string, values: Values, locale = "en"): string {
  let out = "";
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    const close = open < 0 ? -1 : closingBrace(template, open);
    if (close < 0) return out + template.slice(i);
    out += template.slice(i, open);
    const body = template.slice(open + 1, close);
    const simple = /^\s*(\w+)\s*$/.exec(body);
    const block = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(body);
    const filled = simple ? (Object.hasOwn(values, simple[1]) ? String(values[simple[1]]) : null) : block ? plural(block[1], block[2], values, locale) : null;
    out += filled ?? template.slice(open, close + 1);
    i = close + 1;
  }
  return out;
}
