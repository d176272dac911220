// Server actions, found in the build's server-reference manifest (id, exported name, the pages that
// load it), and called the way React's client does: POST to the page with a Next-Action header and
// the arguments encoded as React's encodeReply would (JSON, or multipart when a FormData is passed).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { db } from "../../../lib/db";
import type { HttpResult } from "../harness/http";
import type { Browser } from "../harness/session";

export type ServerAction = { id: string; name: string; file: string; pages: string[] };

type Manifest = { node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }> };

export function serverActions(buildDir: string): ServerAction[] {
  const file = path.join(buildDir, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    name: entry.exportedName ?? "?",
    file: entry.filename ?? "?",
    // "app/(dashboard)/promoters/[id]/page" → "/promoters/[id]"
    pages: Object.keys(entry.workers).map((w) => `/${w.replace(/^app\//, "").replace(/\/?page$/, "").split("/").filter((s) => s && !/^\(.*\)$/.test(s)).join("/")}`),
  }));
}

export class Form {
  constructor(readonly fields: Record<string, string>) {}
}

/** React's encodeReply: FormData arguments become "$K<n>" references to multipart fields "_<n>_<key>". */
function encodeArgs(args: unknown[]): { body: string | Buffer; contentType: string } {
  const forms: Form[] = [];
  const json = JSON.stringify(args.map((a) => (a instanceof Form ? `$K${(forms.push(a)).toString(16)}` : a)));
  if (!forms.length) return { body: json, contentType: "text/plain;charset=UTF-8" };
  const boundary = `----reliability${crypto.randomBytes(8).toString("hex")}`;
  const parts: string[] = [];
  const part = (name: string, value: string) => parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  forms.forEach((form, i) => Object.entries(form.fields).forEach(([k, v]) => part(`_${i + 1}_${k}`, v)));
  part("0", json);
  return { body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`, "utf8"), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function callAction(browser: Browser, origin: string, pagePath: string, actionId: string, args: unknown[]): Promise<HttpResult> {
  const { body, contentType } = encodeArgs(args);
  return browser.request(pagePath, {
    method: "POST",
    body,
    headers: { "next-action": actionId, accept: "text/x-component", "content-type": contentType, origin },
  });
}

export type Seeds = { accountId: string; promoterId: string; qrCodeId: string; adminId: string; viewerId: string; apiKeyId: string };

const hex = () => crypto.randomBytes(4).toString("hex");
const evilName = () => `EVIL-${hex()}`;

/**
 * Arguments that would change something if the action ran past its permission check (so "nothing
 * changed" means something); actions this list does not know yet get generic ones.
 */
export function argsFor(name: string, s: Seeds): unknown[][] {
  const account = (id: string | null) => [
    id,
    new Form({ name: evilName(), appId: `wx${hex()}${hex()}`, appSecret: "A".repeat(32), token: "eviltoken1", encodingAesKey: "", mode: "plain", timezone: "Asia/Shanghai", welcomeText: "" }),
  ];
  const promoterForm = () => new Form({ name: evilName(), phone: "", note: "", welcomeText: "" });
  const known: Record<string, unknown[][]> = {
    createPromoterAction: [[promoterForm()]],
    updatePromoterAction: [[s.promoterId, promoterForm()]],
    reissueQrCodeAction: [[s.qrCodeId]],
    addQrCodeAction: [[s.promoterId, new Form({ kind: "QR_LIMIT_STR_SCENE", sceneStr: `evil-${hex()}`, label: "evil" })]],
    setPromoterActiveAction: [[s.promoterId, true]],
    assignSceneAction: [[new Form({ promoterId: s.promoterId, sceneKey: "999999" })]],
    importPromotersAction: [[[{ row: 1, name: evilName(), phone: null, note: null }]]],
    startBatchAction: [[{ ids: [s.promoterId] }]],
    generateNextBatchAction: [[{ since: new Date(0).toISOString(), ids: [s.promoterId], limit: 5 }]],
    saveAccountAction: [account(null), account(s.accountId)],
    clearPreviousKeyAction: [[s.accountId]],
    switchAccountAction: [[s.accountId]],
    inviteUserAction: [[new Form({ email: `evil-${hex()}@example.com`, name: "evil", role: "admin", passwordMode: "custom", password: "evil-password-123" })]],
    changeUserRoleAction: [[s.viewerId, "admin"]],
    setUserDisabledAction: [[s.adminId, true]],
    resetUserPasswordAction: [[s.adminId]],
    signOutUserEverywhereAction: [[s.adminId]],
    setUserAccountsAction: [[s.adminId, false, [s.accountId]], [s.viewerId, true, []]],
    changeOwnPasswordAction: [[new Form({ currentPassword: "not-the-password-1", password: "evil-password-123", confirmPassword: "evil-password-123" })]],
    createApiKeyAction: [[new Form({ name: "evil key", accountId: s.accountId, scope: "read-write" })]],
    revokeApiKeyAction: [[s.apiKeyId]],
    setupAction: [[new Form({ name: "evil", email: `evil-${hex()}@example.com`, password: "evil-password-123", confirmPassword: "evil-password-123" })]],
    setLocaleAction: [["en"]],
    runCrosscheckAction: [[new Form({ from: "2026-11-01", to: "2026-11-07" })]],
  };
  return known[name] ?? [[], [new Form({ name: evilName() })], [s.promoterId], [s.accountId], [{ ids: [s.promoterId] }]];
}

/** Actions any signed-in user may run on their own account: the viewer is expected to change it. */
export const SELF_SERVICE_ACTIONS = new Set(["signOutEverywhereAction"]);

/** Everything a write could touch, as one comparable string. */
export async function snapshot(): Promise<string> {
  const c = db();
  const [promoters, accounts, codes, users, settings, apiKeys, audit, followers] = await Promise.all([
    c.promoter.findMany({ select: { id: true, name: true, active: true, phone: true, note: true, welcomeText: true, selfServiceTokenHash: true, updatedAt: true }, orderBy: { id: "asc" } }),
    c.account.findMany({ select: { id: true, name: true, appId: true, tokenEnc: true, mode: true, encodingAesKeyEnc: true, previousEncodingAesKeyEnc: true, updatedAt: true }, orderBy: { id: "asc" } }),
    c.qrCode.findMany({ select: { id: true, status: true, ticket: true, lastErrorCode: true, updatedAt: true }, orderBy: { id: "asc" } }),
    c.user.findMany({ select: { id: true, email: true, role: true, disabledAt: true, passwordHash: true, sessionVersion: true, allAccounts: true, mustChangePassword: true }, orderBy: { id: "asc" } }),
    c.setting.findMany({ orderBy: { key: "asc" } }),
    c.apiKey.findMany({ select: { id: true, revokedAt: true }, orderBy: { id: "asc" } }),
    c.auditLog.count(),
    c.follower.count(),
  ]);
  return JSON.stringify({ promoters, accounts, codes, users, settings, apiKeys, audit, followers });
}
