import { describe, expect, it } from "vitest";
import { dayBoundaryDiffers, explainDifference, type OurDay } from "./explain-difference";

const ours = (o: Partial<OurDay> = {}): OurDay => ({ qrNew: 5, allNew: 8, unfollows: 2, net: 6, unattributed: 0, ...o });
const wechat = { qrNew: 5, allNew: 8, cancel: 2, cumulate: 1000 };
const base = { day: "2026-12-03", timeZone: "Asia/Shanghai", latestReady: "2026-12-03" };

describe("explaining a day's difference from WeChat", () => {
  it("matches when every figure agrees; unknown scenes are mentioned, not counted as a difference", () => {
    expect(explainDifference({ ...base, wechat, ours: ours() })).toEqual({ status: "match", diff: { qrNew: 0, allNew: 0, cancel: 0 }, reasons: [] });
    expect(explainDifference({ ...base, wechat, ours: ours({ unattributed: 2 }) }).reasons).toEqual([{ code: "unattributed", count: 2 }]);
  });

  it("blames missed or refused pushes when WeChat counted more, and foreign pushes when we did", () => {
    const missed = explainDifference({ ...base, wechat: { ...wechat, qrNew: 7, allNew: 10, cancel: 3 }, ours: ours() });
    expect(missed).toMatchObject({ status: "off", diff: { qrNew: 2, allNew: 2, cancel: 1 }, reasons: [{ code: "missed", count: 3 }] });
    const extra = explainDifference({ ...base, wechat: { ...wechat, allNew: 7, qrNew: 4 }, ours: ours({ unattributed: 1 }) });
    expect(extra).toMatchObject({ status: "off", diff: { qrNew: -1, allNew: -1, cancel: 0 }, reasons: [{ code: "extra", count: 1 }, { code: "unattributed", count: 1 }] });
    // Only the split between QR and other sources differs: scans of the account's own plain QR code.
    expect(explainDifference({ ...base, wechat: { ...wechat, qrNew: 6 }, ours: ours() }).reasons).toEqual([{ code: "plainQr", count: 1 }]);
    expect(explainDifference({ ...base, wechat: { ...wechat, qrNew: 8, allNew: 9 }, ours: ours() }).reasons).toEqual([{ code: "missed", count: 1 }, { code: "plainQr", count: 2 }]);
  });

  it("names the time zone when our days are not Beijing's", () => {
    const off = explainDifference({ ...base, timeZone: "Europe/Berlin", wechat: { ...wechat, allNew: 9 }, ours: ours() });
    expect(off.reasons[0]).toEqual({ code: "timeZone" });
    expect(dayBoundaryDiffers("2026-12-03", "Asia/Hong_Kong")).toBe(false); // also UTC+8
    expect(dayBoundaryDiffers("2026-12-03", "UTC")).toBe(true);
  });

  it("tells a day WeChat has not published from one not fetched yet", () => {
    expect(explainDifference({ ...base, day: "2026-12-04", wechat: null, ours: ours() })).toMatchObject({ status: "notReady", diff: null, reasons: [{ code: "notReady" }] });
    expect(explainDifference({ ...base, wechat: null, ours: ours() })).toMatchObject({ status: "notFetched", reasons: [{ code: "notFetched" }] });
  });
});
