// A simulated follower population for imports (导入已有粉丝) and load tests: `count` followers with a
// deterministic mix of how they came, so a test knows exactly what an import must find.
import { z } from "zod";
import type { FollowerList } from "./simulator-followers";

export const seedFollowersSchema = z.object({
  appId: z.string().min(1).max(64),
  count: z.number().int().min(1).max(2_000_000),
  /** Scenes of the operator's QR codes ("7" → qr_scene 7, "shop-1" → qr_scene_str). */
  scenes: z.array(z.string().min(1).max(64)).max(10_000).default([]),
  /** Percent of followers who came by one of `scenes` (ADD_SCENE_QR_CODE): the k-th of them by scenes[k % scenes.length]. */
  qrPercent: z.number().int().min(0).max(100).default(60),
  /** Percent who came by a QR code whose scene Scenecode does not know (qr_scene 900000 + n). */
  unknownPercent: z.number().int().min(0).max(100).default(0),
  /** openids are `${prefix}` + a zero-padded number; a second seed with another prefix adds more. */
  prefix: z.string().min(1).max(20).regex(/^[A-Za-z0-9_-]+$/).default("oSeed"),
  /** subscribe_time of the first follower (unix seconds); the rest follow one a minute after. */
  from: z.number().int().positive().optional(),
});
export type SeedFollowers = z.input<typeof seedFollowersSchema>;

const ORGANIC_SCENES = ["ADD_SCENE_SEARCH", "ADD_SCENE_ACCOUNT_MIGRATION", "ADD_SCENE_PROFILE_CARD", "ADD_SCENE_PROFILE_LINK", "ADD_SCENE_WECHAT_ADVERTISEMENT", "ADD_SCENE_OTHERS"];
const isNumericScene = (scene: string) => /^[1-9]\d{0,9}$/.test(scene) && Number(scene) <= 4_294_967_295;

/** Adds the followers to the list; returns how many came by each kind of scene. */
export function seedFollowers(list: FollowerList, input: SeedFollowers) {
  const { count, scenes, qrPercent, unknownPercent, prefix, from } = seedFollowersSchema.parse(input);
  if (qrPercent + unknownPercent > 100) throw new RangeError("qrPercent + unknownPercent must be at most 100");
  const start = from ?? Math.floor(Date.now() / 1000) - count * 60 - 86_400;
  const width = String(count - 1).length;
  const counts = { qr: 0, unknown: 0, organic: 0 };
  for (let i = 0; i < count; i++) {
    const slot = i % 100;
    const qr = scenes.length > 0 && slot < qrPercent;
    const unknown = !qr && slot >= qrPercent && slot < qrPercent + unknownPercent;
    const scene = qr ? scenes[counts.qr % scenes.length] : unknown ? String(900_000 + (i % 7)) : "";
    counts[qr ? "qr" : unknown ? "unknown" : "organic"] += 1;
    const numeric = scene !== "" && isNumericScene(scene);
    const openid = `${prefix}${String(i).padStart(width, "0")}`;
    list.set(openid, {
      openid,
      subscribe: 1,
      subscribe_time: start + i * 60,
      subscribe_scene: scene ? "ADD_SCENE_QR_CODE" : ORGANIC_SCENES[i % ORGANIC_SCENES.length],
      qr_scene: numeric ? Number(scene) : 0,
      qr_scene_str: scene && !numeric ? scene : "",
    });
  }
  return counts;
}
