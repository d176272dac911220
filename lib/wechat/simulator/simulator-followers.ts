// One account's simulated followers: a Map by openid that also keeps each openid's position in the
// order user/get lists them, so paging a 1,000,000-follower list costs one page's work per call.
import type { SimulatedFollower } from "./simulator-state";

export type FollowerPage = { total: number; openids: string[] } | { unknownCursor: true };

export class FollowerList extends Map<string, SimulatedFollower> {
  private readonly order: string[] = [];
  private readonly position = new Map<string, number>();
  private following = 0;

  override set(openid: string, follower: SimulatedFollower): this {
    const before = super.get(openid);
    if (before?.subscribe === 1) this.following -= 1;
    if (follower.subscribe === 1) this.following += 1;
    if (!this.position.has(openid)) {
      this.position.set(openid, this.order.length);
      this.order.push(openid);
    }
    return super.set(openid, follower);
  }

  override delete(openid: string): boolean {
    throw new Error(`the simulator never forgets a follower (${openid}); unfollow instead`);
  }

  override clear() {
    super.clear();
    this.order.length = 0;
    this.position.clear();
    this.following = 0;
  }

  /** Marks the follower unfollowed (user/get stops listing them; user/info reports subscribe 0). */
  unfollow(openid: string) {
    const follower = super.get(openid);
    if (follower?.subscribe !== 1) return;
    follower.subscribe = 0;
    this.following -= 1;
  }

  get followingCount() {
    return this.following;
  }

  /** Up to `size` following openids after `after` ("" = from the start), in listing order. */
  page(after: string, size: number): FollowerPage {
    const at = after ? this.position.get(after) : -1;
    if (at === undefined) return { unknownCursor: true };
    const openids: string[] = [];
    for (let i = at + 1; i < this.order.length && openids.length < size; i++) {
      if (super.get(this.order[i])!.subscribe === 1) openids.push(this.order[i]);
    }
    return { total: this.following, openids };
  }
}
