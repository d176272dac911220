// What the simulator's datacube endpoints report: per Beijing day and user_source, the follows and
// unfollows of the pushes the simulator itself sent (or was told of), plus adjustments tests make on
// purpose to put one day off.
export const QR_SOURCE = 30; // 扫描二维码
export const OTHER_SOURCE = 0;

export type DayFigures = { newUser: number; cancelUser: number };
export type DatacubeAdjustment = { day: string; userSource?: number; newUser?: number; cancelUser?: number; cumulateUser?: number };

const HOUR_MS = 3_600_000;
/** The Beijing-time calendar day of an instant (China has kept UTC+8 all year since 1991). */
export const beijingDay = (ms: number) => new Date(ms + 8 * HOUR_MS).toISOString().slice(0, 10);

export class SimulatorDatacube {
  /** appId → "day source" → figures. */
  private readonly figures = new Map<string, Map<string, DayFigures>>();
  private readonly cumulateShift = new Map<string, Map<string, number>>();
  /** Followers each account had before the first recorded day (cumulate_user starts from here). */
  readonly baseline = new Map<string, number>();
  /** The simulator's clock for "yesterday" and "ready after 08:00"; tests may move it. */
  now: () => number = () => Date.now();

  private bucket(appId: string, day: string, userSource: number): DayFigures {
    let byKey = this.figures.get(appId);
    if (!byKey) this.figures.set(appId, (byKey = new Map()));
    const key = `${day} ${userSource}`;
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { newUser: 0, cancelUser: 0 }));
    return entry;
  }

  /** Counts a follow (source 30 when it came through a QR code's scene, else 0) or an unfollow on its Beijing day. */
  record(appId: string, event: string, scene: string | undefined, createTime: number) {
    const day = beijingDay(createTime * 1000);
    if (event === "subscribe") this.bucket(appId, day, scene ? QR_SOURCE : OTHER_SOURCE).newUser += 1;
    // WeChat files an unfollow under the source the follower came from; the simulator keeps it under 0.
    else if (event === "unsubscribe") this.bucket(appId, day, OTHER_SOURCE).cancelUser += 1;
  }

  /** Adds to a day's figures (negative numbers subtract), so a test can make WeChat disagree with what it pushed. */
  adjust(appId: string, { day, userSource = QR_SOURCE, newUser = 0, cancelUser = 0, cumulateUser = 0 }: DatacubeAdjustment) {
    const entry = this.bucket(appId, day, userSource);
    entry.newUser = Math.max(0, entry.newUser + newUser);
    entry.cancelUser = Math.max(0, entry.cancelUser + cancelUser);
    if (cumulateUser) {
      let shifts = this.cumulateShift.get(appId);
      if (!shifts) this.cumulateShift.set(appId, (shifts = new Map()));
      shifts.set(day, (shifts.get(day) ?? 0) + cumulateUser);
    }
  }

  /** getusersummary's rows for the days: one per day and source with any follow or unfollow. */
  summary(appId: string, days: string[]) {
    const wanted = new Set(days);
    return [...(this.figures.get(appId) ?? new Map<string, DayFigures>())]
      .map(([key, f]) => ({ day: key.slice(0, 10), userSource: Number(key.slice(11)), ...f }))
      .filter((r) => wanted.has(r.day) && (r.newUser > 0 || r.cancelUser > 0))
      .sort((a, b) => a.day.localeCompare(b.day) || a.userSource - b.userSource)
      .map((r) => ({ ref_date: r.day, user_source: r.userSource, new_user: r.newUser, cancel_user: r.cancelUser }));
  }

  /** getusercumulate's rows: followers at the end of each day (baseline + every net change up to it). */
  cumulate(appId: string, days: string[]) {
    const changes = [...(this.figures.get(appId) ?? new Map<string, DayFigures>())].map(([key, f]) => ({ day: key.slice(0, 10), net: f.newUser - f.cancelUser }));
    const shifts = this.cumulateShift.get(appId) ?? new Map<string, number>();
    return days.map((day) => {
      const net = changes.filter((c) => c.day <= day).reduce((sum, c) => sum + c.net, 0);
      return { ref_date: day, user_source: 0, cumulate_user: Math.max(0, (this.baseline.get(appId) ?? 0) + net + (shifts.get(day) ?? 0)) };
    });
  }

  clear(appId?: string) {
    for (const map of [this.figures, this.cumulateShift, this.baseline]) {
      if (appId) map.delete(appId);
      else map.clear();
    }
  }
}
