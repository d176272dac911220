// Characters that change how a name looks without being visible themselves. A promoter's name appears on
// leaderboards, exports, posters and welcome replies; a bidi override there can make "ABC" read "CBA",
// and a zero-width space makes two identical-looking names different people.

// C0/C1 control characters other than the whitespace ones (tab, line and page breaks).
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
// Tab, line feed, vertical tab, form feed, carriage return and NEL: whitespace that a name keeps as a space.
const CONTROL_SPACE = /[\u0009-\u000d\u0085]/g;
// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), LRM/RLM (U+200E/F), ALM (U+061C).
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
// Zero-width space, non-joiner and joiner (U+200B–U+200D), word joiner (U+2060), BOM/ZWNBSP (U+FEFF).
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** The text with control, bidi and zero-width characters removed (control whitespace becomes a space). */
export function stripInvisible(text: string): string {
  return text.replace(CONTROL_SPACE, " ").replace(CONTROL, "").replace(BIDI, "").replace(ZERO_WIDTH, "");
}
