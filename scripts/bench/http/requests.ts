// Pushes prepared before the clock starts: each a callback path with a signed query and the XML
// body WeChat would send. The signature (sha1 of sorted token, timestamp, nonce) is computed here,
// so the timestamp must stay within the callback's 5-minute window: prepare right before a phase.
import crypto from "node:crypto";
import { eventBody, nowSeconds, type Target } from "../../reliability/harness/push";
import { wechatSignature } from "../../../lib/wechat/verify-signature";

/** `reply`: a passive reply (`<xml>…`) is a correct answer too, as for an account that forwards to its backend. */
export type PreparedRequest = { path: string; body: Buffer; reply?: boolean };

export type Pushes = {
  requests: PreparedRequest[];
  /** How many of the requests carry each scene (round-robin over the account's promoters). */
  perScene: Map<string, number>;
};

// Plenty for a 12-second closed-loop phase at several thousand requests a second; a phase that
// exhausts them ends early and says so.
export const MAX_PREPARED = 60_000;

/**
 * `count` distinct first-follow pushes (a new openid each) through the given scenes' QR codes,
 * signed now. The same tag and createTime give the same events again: a re-delivery.
 */
export function subscribePushes(target: Target, scenes: string[], count: number, tag: string, createTime = nowSeconds()): Pushes {
  const timestamp = String(nowSeconds());
  const firstNonce = crypto.randomInt(100_000_000, 2_000_000_000);
  const perScene = new Map<string, number>();
  const requests = Array.from({ length: count }, (_, i) => {
    const scene = scenes[i % scenes.length];
    perScene.set(scene, (perScene.get(scene) ?? 0) + 1);
    const openid = `o_bench_${tag}_${i}`;
    // Unique per prepared push: they share one timestamp, and 30,000 random nonces would collide
    // now and then (WeChat's, a second apart, practically never do); the callback refuses a signed
    // query it has seen with another body.
    const nonce = String(firstNonce + i);
    const query = new URLSearchParams({ signature: wechatSignature([target.token, timestamp, nonce]), timestamp, nonce, openid });
    const body = Buffer.from(eventBody({ openid, createTime, event: "subscribe", scene }));
    return { path: `/api/wechat/${target.appId}?${query}`, body };
  });
  return { requests, perScene };
}

/** A phase's requests in order: the list itself, or (for re-deliveries) the list over and over. */
export function sequence(requests: PreparedRequest[], repeat: boolean) {
  return (i: number): PreparedRequest | undefined => (repeat ? requests[i % requests.length] : requests[i]);
}
