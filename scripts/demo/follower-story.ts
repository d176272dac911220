// One follower's events: a first follow (through a promoter's code, an unmapped scene, or organic),
// then perhaps a scan, an unfollow (half of them within 7 days) and a re-follow.
import type { ReplayEvent } from "../../lib/attribution/replay-follower";
import type { Random } from "./demo-shape";

export type StoryEvent = Omit<ReplayEvent, "id"> & { eventKey: string | null };

export type StoryShape = {
  next: Random;
  pickScene: () => string;
  pickUnknownScene: () => string;
  /** The first follow's time, unix seconds. */
  firstAt: number;
  /** Unix seconds; nothing happens after it. */
  now: number;
};

const HOUR = 3600;
const DAY = 86400;

const subscribe = (createTime: number, scene: string | null): StoryEvent => ({ createTime, event: "subscribe", scene, eventKey: scene === null ? null : `qrscene_${scene}` });

export function followerStory({ next, pickScene, pickUnknownScene, firstAt, now }: StoryShape): StoryEvent[] {
  const u = next();
  const scene = u < 0.12 ? null : u < 0.13 ? pickUnknownScene() : pickScene();
  const events = [subscribe(firstAt, scene)];
  let leftAt = Infinity;
  if (next() < 0.18) {
    // Half leave within a week (7-day retention below 100 %), the rest later.
    const delay = next() < 0.5 ? HOUR + next() * (7 * DAY - 2 * HOUR) : 7 * DAY + next() * 23 * DAY;
    if (firstAt + delay < now) leftAt = Math.floor(firstAt + delay);
  }
  if (next() < 0.1) {
    const until = Math.min(leftAt, now);
    const at = Math.floor(firstAt + HOUR + next() * (until - firstAt - 2 * HOUR));
    const own = scene !== null && next() < 0.7;
    if (at > firstAt + 60 && at < until) events.push({ createTime: at, event: "SCAN", scene: own ? scene : pickScene(), eventKey: null });
  }
  if (leftAt !== Infinity) {
    events.push({ createTime: leftAt, event: "unsubscribe", scene: null, eventKey: null });
    const backAt = Math.floor(leftAt + HOUR + next() * 10 * DAY);
    if (next() < 0.3 && backAt < now) events.push(subscribe(backAt, next() < 0.8 ? pickScene() : null));
  }
  for (const e of events) if (e.event === "SCAN") e.eventKey = e.scene;
  return events.sort((a, b) => a.createTime - b.createTime);
}
