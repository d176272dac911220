import { z } from "zod";
import { db } from "../db";

// 防刷 thresholds. Shares are flagged when ABOVE their percentage (exactly at it is not flagged) and only
// with at least minSample follows behind them; a burst is a minute with MORE than burstPerMinute follows
// through one code. Night hours are [nightStartHour, nightEndHour) on the account's clock, wrapping midnight
// when the start is the later hour (22 → 6 is 22:00–05:59).
export type SignalThresholds = {
  quickUnfollowPct: number;
  minSample: number;
  burstPerMinute: number;
  nightStartHour: number;
  nightEndHour: number;
  nightPct: number;
};

export const DEFAULT_THRESHOLDS: SignalThresholds = {
  quickUnfollowPct: 30,
  minSample: 10,
  burstPerMinute: 10,
  nightStartHour: 0,
  nightEndHour: 6,
  nightPct: 50,
};

const whole = (min: number, max: number, tooLow: string, tooHigh: string) =>
  z.coerce.number({ message: "notNumber" }).int("notWhole").min(min, tooLow).max(max, tooHigh);

/** The settings form: whole numbers in range; the error messages are dictionary keys (t.signals.errors). */
export const signalSettingsSchema = z
  .object({
    quickUnfollowPct: whole(1, 100, "pctRange", "pctRange"),
    minSample: whole(1, 100_000, "sampleRange", "sampleRange"),
    burstPerMinute: whole(1, 10_000, "burstRange", "burstRange"),
    nightStartHour: whole(0, 23, "hourRange", "hourRange"),
    nightEndHour: whole(0, 23, "hourRange", "hourRange"),
    nightPct: whole(1, 100, "pctRange", "pctRange"),
  })
  .refine((v) => v.nightStartHour !== v.nightEndHour, { path: ["nightEndHour"], message: "hoursEqual" });

/** The account's thresholds (the defaults until an admin saves some). */
export async function getSignalThresholds(accountId: string): Promise<SignalThresholds> {
  const row = await db().signalSettings.findUnique({
    where: { accountId },
    select: { quickUnfollowPct: true, minSample: true, burstPerMinute: true, nightStartHour: true, nightEndHour: true, nightPct: true },
  });
  return row ?? DEFAULT_THRESHOLDS;
}
