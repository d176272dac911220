// admin pages, in both languages. Fill in keys here; the type keeps zh-CN and English in step.
import type { Widen } from "../widen";

const zh = {
  title: "admin",
} as const;

const en: Widen<typeof zh> = {
  title: "admin",
};

export const adminMessages = { "zh-CN": zh, en };
