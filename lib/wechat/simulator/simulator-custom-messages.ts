// 客服消息 in the simulator: who wrote to the account when (the 48-hour window) and what was sent to them.

/** WeChat lets an account send custom messages to a follower for 48 hours after their last message or interaction. */
export const CUSTOM_MESSAGE_WINDOW_S = 48 * 3600;
const KEPT = 1000;

export type SentCustomMessage = { appId: string; touser: string; msgtype: string; content?: string; mediaId?: string; sentAt: number };

export class SimulatorCustomMessages {
  private readonly lastSeen = new Map<string, number>();
  readonly sent: SentCustomMessage[] = [];

  /** The follower sent the account a message, followed or scanned at `createTime` (unix seconds). */
  noteInteraction(appId: string, openid: string, createTime = Math.floor(Date.now() / 1000)) {
    const key = `${appId} ${openid}`;
    this.lastSeen.set(key, Math.max(this.lastSeen.get(key) ?? 0, createTime));
  }

  /** True while the follower's last interaction is within the 48-hour window. */
  withinWindow(appId: string, openid: string, now = Math.floor(Date.now() / 1000)): boolean {
    const seen = this.lastSeen.get(`${appId} ${openid}`);
    return seen !== undefined && now - seen <= CUSTOM_MESSAGE_WINDOW_S;
  }

  record(message: SentCustomMessage) {
    this.sent.push(message);
    if (this.sent.length > KEPT) this.sent.splice(0, this.sent.length - KEPT);
  }

  clear() {
    this.lastSeen.clear();
    this.sent.length = 0;
  }
}
