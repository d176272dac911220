// Everything the fake WeChat remembers: accounts, tokens, QR tickets, followers, call counts, injected failures.
import { SimulatorCustomMessages } from "./simulator-custom-messages";
import { SimulatorDatacube } from "./simulator-datacube";
import { SimulatorFaults } from "./simulator-faults";
import { FollowerList } from "./simulator-followers";
import { SimulatorTags } from "./simulator-tags";
import { randomToken } from "./simulator-reply";

export type SimulatorAccount = { appId: string; secret: string };
export type SimulatedFollower = {
  openid: string;
  subscribe: 0 | 1;
  subscribe_time: number;
  subscribe_scene: string;
  qr_scene: number;
  qr_scene_str: string;
};
export type IssuedTicket = { appId: string; action: string; scene: string; url: string; expiresAt?: number };
type IssuedToken = { appId: string; expiresAt: number };
export type StoredMaterial = { appId: string; type: "image"; name: string; size: number; url: string; updateTime: number };

const TOKEN_TTL_S = 7200;
// stable_token hands out a new token once the current one has this little left.
const RENEW_WITHIN_S = 300;
const OPEN_SECRET = /^[0-9a-zA-Z]{32}$/;
// WeChat's daily quotas reset at midnight Beijing time.
const beijingDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

export class SimulatorState {
  readonly tokens = new Map<string, IssuedToken>();
  readonly tickets = new Map<string, IssuedTicket>();
  /** Permanent images uploaded through material/add_material, by media_id. */
  readonly materials = new Map<string, StoredMaterial>();
  readonly followers = new Map<string, FollowerList>();
  /** Page size of user/get (WeChat's is 10,000); tests lower it to exercise paging. */
  userPageSize = 10_000;
  readonly faults = new SimulatorFaults();
  /** The daily figures the datacube endpoints report (simulator-datacube.ts). */
  readonly datacube = new SimulatorDatacube();
  /** 客服消息 sent, and when each follower last interacted (simulator-custom-messages.ts). */
  readonly customMessages = new SimulatorCustomMessages();
  /** User tags and who holds them (simulator-tags.ts). */
  readonly tags = new SimulatorTags();
  /** Daily quotas openapi/quota/get reports, by API path (a certified service account's qrcode/create allows 100,000). */
  quotaLimits: Record<string, number> = { "/cgi-bin/qrcode/create": 100_000 };
  private readonly usage = new Map<string, { day: string; count: number }>();
  private readonly calls = new Map<string, number>();
  private readonly current = new Map<string, string>();
  private readonly accounts?: Map<string, string>;

  /** Without accounts, any appid is accepted with any 32-character secret (so operators can try the flow). */
  constructor(accounts?: SimulatorAccount[]) {
    if (accounts) this.accounts = new Map(accounts.map((a) => [a.appId, a.secret]));
  }

  countCall(path: string) {
    this.calls.set(path, (this.calls.get(path) ?? 0) + 1);
  }

  callCount(path: string): number {
    return this.calls.get(path) ?? 0;
  }

  callCounts(): Record<string, number> {
    return Object.fromEntries(this.calls);
  }

  /** The next `count` calls (to `path`, or to any endpoint) answer with this errcode, after `after` calls that succeed. */
  failNext(errcode: number, count = 1, path?: string, after = 0) {
    this.faults.failNext(errcode, count, path, after);
  }

  /** The next `count` calls are accepted and never answered (until close), so client timeouts can be tested. */
  hangNext(count = 1, path?: string) {
    this.faults.hangNext(count, path);
  }

  /** Delays answers (to `path`, or to every endpoint) by ms; 0 removes the delay. */
  setLatency(ms: number, path?: string) {
    this.faults.setLatency(ms, path);
  }

  /** Clears injected faults and call counts; tokens, tickets and followers stay. */
  reset() {
    this.faults.clear();
    this.calls.clear();
  }

  /** Counts one successful call of an API with a daily quota, for the account, today (Beijing time). */
  countUse(appId: string, path: string, now = Date.now()) {
    const key = `${appId} ${path}`;
    const day = beijingDay(now);
    const entry = this.usage.get(key);
    this.usage.set(key, { day, count: entry?.day === day ? entry.count + 1 : 1 });
  }

  /** Today's successful calls of an API by the account. */
  quotaUsed(appId: string, path: string, now = Date.now()): number {
    const entry = this.usage.get(`${appId} ${path}`);
    return entry?.day === beijingDay(now) ? entry.count : 0;
  }

  /** Every token issued so far stops working (errcode 40001); the next token request issues a new one. */
  invalidateTokens() {
    this.tokens.clear();
    this.current.clear();
  }

  /** 0 when the credentials are good, else WeChat's errcode. */
  checkCredentials(appId: string, secret: string): number {
    if (!appId) return 41002;
    if (!secret) return 41004;
    if (!this.accounts) return OPEN_SECRET.test(secret) ? 0 : 40125;
    const expected = this.accounts.get(appId);
    if (expected === undefined) return 40013;
    return expected === secret ? 0 : 40125;
  }

  /** stable_token semantics: the same token while it has more than 5 minutes left, unless forced. */
  issueToken(appId: string, { reuse }: { reuse: boolean }): { token: string; expiresIn: number } {
    const now = Date.now();
    const currentToken = this.current.get(appId);
    const issued = currentToken ? this.tokens.get(currentToken) : undefined;
    if (reuse && currentToken && issued && issued.expiresAt - now > RENEW_WITHIN_S * 1000) {
      return { token: currentToken, expiresIn: Math.floor((issued.expiresAt - now) / 1000) };
    }
    if (currentToken && issued) {
      // The previous token keeps working for five minutes at most.
      issued.expiresAt = Math.min(issued.expiresAt, now + RENEW_WITHIN_S * 1000);
    }
    const token = `sim_${randomToken(48)}`;
    this.tokens.set(token, { appId, expiresAt: now + TOKEN_TTL_S * 1000 });
    this.current.set(appId, token);
    return { token, expiresIn: TOKEN_TTL_S };
  }

  /** The appid an access token belongs to, or WeChat's errcode for a missing, unknown or expired token. */
  resolveToken(token: string | null): { appId: string } | { errcode: number } {
    if (!token) return { errcode: 41001 };
    const issued = this.tokens.get(token);
    if (!issued) return { errcode: 40001 };
    if (issued.expiresAt <= Date.now()) return { errcode: 42001 };
    return { appId: issued.appId };
  }

  followersOf(appId: string): FollowerList {
    let list = this.followers.get(appId);
    if (!list) this.followers.set(appId, (list = new FollowerList()));
    return list;
  }

  /** Applies a follow, unfollow or scan to the follower list that user/info and user/get report. */
  recordEvent(appId: string, event: string, openid: string, scene?: string, createTime = Math.floor(Date.now() / 1000)) {
    const followers = this.followersOf(appId);
    this.datacube.record(appId, event, scene, createTime);
    if (event !== "unsubscribe") this.customMessages.noteInteraction(appId, openid, createTime);
    if (event === "unsubscribe") {
      followers.unfollow(openid);
      return;
    }
    if (event !== "subscribe") return;
    const numeric = scene !== undefined && /^[1-9]\d{0,9}$/.test(scene) && Number(scene) <= 4_294_967_295;
    followers.set(openid, {
      openid,
      subscribe: 1,
      subscribe_time: createTime,
      subscribe_scene: scene ? "ADD_SCENE_QR_CODE" : "ADD_SCENE_SEARCH",
      qr_scene: numeric ? Number(scene) : 0,
      qr_scene_str: scene && !numeric ? scene : "",
    });
  }

  /** Whether this account uploaded a permanent material with this media_id (and has not deleted it). */
  hasMaterial(appId: string, mediaId: string): boolean {
    return this.materials.get(mediaId)?.appId === appId;
  }

  /** The ticket the simulator issued for this scene, if any (newest first). */
  ticketFor(appId: string, scene: string): string | undefined {
    return [...this.tickets].reverse().find(([, t]) => t.appId === appId && t.scene === scene)?.[0];
  }
}
