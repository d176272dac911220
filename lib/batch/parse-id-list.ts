import { z } from "zod";

const id = z.string().regex(/^[\w-]{1,64}$/);

/** `?ids=a,b,c` as a list of distinct ids (invalid entries dropped), or undefined when absent or empty. */
export function parseIdList(value: string | string[] | undefined, max = 5000): string[] | undefined {
  const raw = (Array.isArray(value) ? value.join(",") : (value ?? "")).split(",").map((v) => v.trim());
  const ids = [...new Set(raw.filter((v) => id.safeParse(v).success))].slice(0, max);
  return ids.length ? ids : undefined;
}
