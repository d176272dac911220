import { env } from "../env";
import { signSelfServiceLink } from "../self-service/signed-link";
import { selfServiceUrl } from "../self-service/self-service-token";

/**
 * The address links in WeChat messages start with: NEXTAUTH_URL (the app's public URL) when set, else
 * the dashboard address the enrol settings were saved from. The callback itself cannot tell: WeChat's
 * request names the host it was sent to, but only the route sees it.
 */
export function enrolLinkOrigin(savedOrigin: string | null): string {
  return env().NEXTAUTH_URL ?? savedOrigin ?? `http://localhost:${env().PORT}`;
}

/** A 24-hour link to the promoter's private page (lib/self-service/signed-link.ts). */
export function signedPageUrl(savedOrigin: string | null, promoter: { id: string; selfServiceTokenHash: string | null }, now = Date.now()): string {
  return selfServiceUrl(enrolLinkOrigin(savedOrigin), signSelfServiceLink(promoter.id, promoter.selfServiceTokenHash, now));
}
