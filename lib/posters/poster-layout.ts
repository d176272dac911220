import { z } from "zod";

export const POSTER_MAX_BYTES = 5 * 1024 * 1024;
export const POSTER_MIN_SIDE = 200;
export const POSTER_MAX_SIDE = 8000;
export const POSTER_TEXT_MAX = 60;
export const POSTER_NAME_MAX = 40;

export const ALIGNS = ["left", "center", "right"] as const;
export type Align = (typeof ALIGNS)[number];

/** A piece of text on the poster: anchor x (by alignment) and the line's vertical centre y, size and colour. */
export type PosterTextSpot = { x: number; y: number; size: number; color: string; align: Align };

/**
 * Where things go on the background, every number a fraction of it (0–1): the code's top-left
 * corner and side (of the width), the name and the line of text. What every poster view draws.
 */
export type PosterLayout = {
  width: number;
  height: number;
  code: { x: number; y: number; size: number };
  name: PosterTextSpot;
  text: PosterTextSpot & { value: string };
};

export const DEFAULT_PLACEMENT = {
  code: { x: 0.25, y: 0.5, size: 0.5 },
  name: { x: 0.5, y: 0.42, size: 0.06, color: "#111827", align: "center" as Align },
  text: { x: 0.5, y: 0.88, size: 0.04, color: "#374151", align: "center" as Align },
};

// Form fields are percentages (what people type); stored as fractions.
const percent = z.coerce.number({ error: "outOfRange" }).min(0, { error: "outOfRange" }).max(100, { error: "outOfRange" }).transform((v) => v / 100);
const size = z.coerce.number({ error: "outOfRange" }).gt(0, { error: "outOfRange" }).max(100, { error: "outOfRange" }).transform((v) => v / 100);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: "color" }).transform((v) => v.toLowerCase());
const align = z.enum(ALIGNS, { error: "outOfRange" });

/** The editor's fields (percent inputs), checked and turned into the stored columns. Error messages are dictionary keys. */
export const placementSchema = z.object({
  name: z.string().trim().max(POSTER_NAME_MAX, { error: "nameLong" }),
  codeX: percent,
  codeY: percent,
  codeSize: size,
  nameX: percent,
  nameY: percent,
  nameSize: size,
  nameColor: color,
  nameAlign: align,
  text: z.string().trim().max(POSTER_TEXT_MAX, { error: "textLong" }),
  textX: percent,
  textY: percent,
  textSize: size,
  textColor: color,
  textAlign: align,
});

export type Placement = z.output<typeof placementSchema>;

/** True when the code (a square, its side a fraction of the width) lies inside a background of this size. */
export function codeFits(p: Pick<Placement, "codeX" | "codeY" | "codeSize">, width: number, height: number): boolean {
  const side = p.codeSize * width;
  return p.codeX * width + side <= width + 0.5 && p.codeY * height + side <= height + 0.5;
}

/** The line of text for one promoter: {name} replaced. */
export function posterLine(text: string, name: string): string {
  return text.replaceAll("{name}", name);
}

type Row = Placement & { width: number; height: number };

export function layoutOf(row: Row): PosterLayout {
  return {
    width: row.width,
    height: row.height,
    code: { x: row.codeX, y: row.codeY, size: row.codeSize },
    name: { x: row.nameX, y: row.nameY, size: row.nameSize, color: row.nameColor, align: row.nameAlign },
    text: { x: row.textX, y: row.textY, size: row.textSize, color: row.textColor, align: row.textAlign, value: row.text },
  };
}
