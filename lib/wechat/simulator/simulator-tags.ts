// The simulator's user tags (用户标签), per account: at most 100 tags with names of ≤ 30 characters,
// at most 20 tags per follower; tagging is all-or-nothing per call, as WeChat's is.
export const MAX_TAGS = 100;
export const MAX_TAG_NAME = 30;
export const MAX_TAGS_PER_USER = 20;
export const MAX_OPENIDS_PER_CALL = 50;
// Ids 0, 1 and 2 are WeChat's own (黑名单, 星标组); the first tag an account makes is 100.
const FIRST_ID = 100;

export type SimulatedTag = { id: number; name: string; members: Set<string> };

class AccountTags {
  readonly byId = new Map<number, SimulatedTag>();
  readonly byUser = new Map<string, Set<number>>();
  nextId = FIRST_ID;
}

/** 0 when done, else WeChat's errcode. */
type Result<T = object> = ({ errcode: 0 } & T) | { errcode: number; detail?: string };

export class SimulatorTags {
  private readonly accounts = new Map<string, AccountTags>();

  /** Forgets every account's tags (tests). */
  clear(appId?: string) {
    if (appId) this.accounts.delete(appId);
    else this.accounts.clear();
  }

  private of(appId: string): AccountTags {
    let tags = this.accounts.get(appId);
    if (!tags) this.accounts.set(appId, (tags = new AccountTags()));
    return tags;
  }

  private checkName(tags: AccountTags, name: string, exceptId?: number): number {
    if ([...name].length > MAX_TAG_NAME) return 45158;
    if (name.trim() === "" || [...tags.byId.values()].some((t) => t.name === name && t.id !== exceptId)) return 45157;
    return 0;
  }

  create(appId: string, name: string): Result<{ tag: { id: number; name: string } }> {
    const tags = this.of(appId);
    const invalid = this.checkName(tags, name);
    if (invalid) return { errcode: invalid };
    if (tags.byId.size >= MAX_TAGS) return { errcode: 45056 };
    const tag = { id: tags.nextId++, name, members: new Set<string>() };
    tags.byId.set(tag.id, tag);
    return { errcode: 0, tag: { id: tag.id, name } };
  }

  list(appId: string): { id: number; name: string; count: number }[] {
    return [...this.of(appId).byId.values()].map((t) => ({ id: t.id, name: t.name, count: t.members.size }));
  }

  get(appId: string, id: number): SimulatedTag | undefined {
    return this.of(appId).byId.get(id);
  }

  rename(appId: string, id: number, name: string): Result {
    const tags = this.of(appId);
    const tag = tags.byId.get(id);
    if (!tag) return { errcode: id >= 0 && id < FIRST_ID ? 45058 : 45159 };
    const invalid = this.checkName(tags, name, id);
    if (invalid) return { errcode: invalid };
    tag.name = name;
    return { errcode: 0 };
  }

  remove(appId: string, id: number): Result {
    const tags = this.of(appId);
    const tag = tags.byId.get(id);
    if (!tag) return { errcode: id >= 0 && id < FIRST_ID ? 45058 : 45159 };
    for (const openid of tag.members) tags.byUser.get(openid)?.delete(id);
    tags.byId.delete(id);
    return { errcode: 0 };
  }

  /** Tags (or untags) every openid, or none: a bad openid or a full follower fails the whole call. */
  apply(appId: string, id: number, openids: string[], isFollower: (openid: string) => boolean, untag = false): Result {
    if (openids.length === 0 || openids.length > MAX_OPENIDS_PER_CALL) return { errcode: 40032 };
    const tags = this.of(appId);
    const tag = tags.byId.get(id);
    if (!tag) return { errcode: 45159 };
    const stranger = openids.find((o) => !isFollower(o));
    if (stranger) return { errcode: 40003, detail: `${stranger} does not follow this account` };
    if (!untag) {
      const full = openids.find((o) => !tag.members.has(o) && (tags.byUser.get(o)?.size ?? 0) >= MAX_TAGS_PER_USER);
      if (full) return { errcode: 45059, detail: `${full} already has ${MAX_TAGS_PER_USER} tags` };
    }
    for (const openid of openids) {
      let mine = tags.byUser.get(openid);
      if (!mine) tags.byUser.set(openid, (mine = new Set()));
      if (untag) {
        mine.delete(id);
        tag.members.delete(openid);
      } else {
        mine.add(id);
        tag.members.add(openid);
      }
    }
    return { errcode: 0 };
  }

  /** The tag ids a follower holds. */
  ofUser(appId: string, openid: string): number[] {
    return [...(this.of(appId).byUser.get(openid) ?? [])].sort((a, b) => a - b);
  }
}
