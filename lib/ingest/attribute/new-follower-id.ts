import { randomBytes } from "node:crypto";

let counter = 0;

/**
 * A follower id that sorts by creation time, like Prisma's cuid(): a batch's new followers land
 * next to each other in every index keyed by id, instead of dirtying a random page each (with
 * random ids the commit of a 500-follower batch wrote several times the pages).
 */
export function newFollowerId(now = Date.now()): string {
  counter = (counter + 1) % 36 ** 4;
  return `c${now.toString(36).padStart(9, "0")}${counter.toString(36).padStart(4, "0")}${randomBytes(6).toString("base64url")}`;
}
