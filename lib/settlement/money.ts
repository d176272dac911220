// Money in settlement is integer fen (分); shown and typed as yuan with two decimals.

export const MAX_PRICE_FEN = 100_000_00; // ¥100,000.00 per follow: a typo guard, not a business rule

/** "12.5" or "12.50" or "¥12" → 1250; null when it is not an amount of yuan with at most two decimals. */
export function parseYuan(input: string): number | null {
  const text = input.trim().replace(/^[¥￥]\s*/, "").replace(/,/g, "");
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** 1250 → "12.50", -300 → "-3.00" (no currency sign: for sheets and the API). */
export function fenToYuan(fen: number | bigint): string {
  const value = BigInt(fen);
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** 1250 → "¥12.50", with thousands separators in the reader's locale. */
export function formatFen(fen: number | bigint, locale = "zh-CN"): string {
  const [whole, cents] = fenToYuan(fen).split(".");
  const negative = whole.startsWith("-");
  const grouped = BigInt(negative ? whole.slice(1) : whole).toLocaleString(locale);
  return `${negative ? "-" : ""}¥${grouped}.${cents}`;
}
