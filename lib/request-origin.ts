import "server-only";
import { headers } from "next/headers";
import { env } from "./env";

/** The public origin the browser used (behind a proxy: X-Forwarded-Proto/Host), else NEXTAUTH_URL. */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (host) return `${h.get("x-forwarded-proto")?.split(",")[0] ?? "http"}://${host}`;
  return env().NEXTAUTH_URL ?? `http://localhost:${env().PORT}`;
}
