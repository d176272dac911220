// Which of the account's own keywords a text message is: 推广 (ask to become a promoter) or 我的数据
// (a promoter's figures). They are checked before the keyword rules (自动回复): an exact keyword rule
// with the same word never answers while the keyword is on.

export type EnrolKeywords = { enrolKeyword: string | null; statsKeyword: string | null };
export type EnrolKeywordHit = { kind: "enrol"; name: string | null } | { kind: "stats" };

/** The longest name a follower may give after the keyword ("推广 张三"). */
export const APPLICANT_NAME_MAX = 40;

const WHITESPACE = /[\s\u3000]+/u;

/**
 * The trimmed text equals a keyword (case-insensitive for Latin letters), or, for the enrol keyword,
 * is the keyword, whitespace and a name to register under. Anything else is no hit.
 */
export function matchEnrolKeyword(keywords: EnrolKeywords, content: string | undefined): EnrolKeywordHit | null {
  if (content === undefined) return null;
  const text = content.trim();
  if (!text) return null;
  const same = (a: string, b: string) => a.toLocaleLowerCase("en") === b.toLocaleLowerCase("en");
  if (keywords.statsKeyword && same(text, keywords.statsKeyword)) return { kind: "stats" };
  const enrol = keywords.enrolKeyword;
  if (!enrol) return null;
  if (same(text, enrol)) return { kind: "enrol", name: null };
  const [head, ...rest] = text.split(WHITESPACE);
  if (!same(head, enrol) || rest.length === 0) return null;
  const name = rest.join(" ").slice(0, APPLICANT_NAME_MAX);
  return { kind: "enrol", name };
}
