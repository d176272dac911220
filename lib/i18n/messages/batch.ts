// batch pages, in both languages. Fill in keys here; the type keeps zh-CN and English in step.
import type { Widen } from "../widen";

const zh = {
  title: "batch",
} as const;

const en: Widen<typeof zh> = {
  title: "batch",
};

export const batchMessages = { "zh-CN": zh, en };
