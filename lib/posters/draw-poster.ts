import type { PosterLayout, PosterTextSpot } from "./poster-layout";

// The system's CJK fonts, as the page's own font stack would pick them (nothing is downloaded).
const FONTS = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif';

type Canvas2D = Pick<CanvasRenderingContext2D, "drawImage" | "fillText" | "font" | "fillStyle" | "textAlign" | "textBaseline" | "fillRect">;

function text(context: Canvas2D, value: string, spot: PosterTextSpot, width: number, height: number, weight: number) {
  context.font = `${weight} ${Math.max(1, Math.round(spot.size * width))}px ${FONTS}`;
  context.fillStyle = spot.color;
  context.textAlign = spot.align;
  context.textBaseline = "middle";
  context.fillText(value, spot.x * width, spot.y * height);
}

/**
 * The poster in pixels, as PosterView lays it out in CSS: the background stretched to the canvas
 * (its own size), the code on a white square, then the name and the line centred on their y.
 */
export function drawPoster(context: Canvas2D, layout: PosterLayout, parts: { background: CanvasImageSource; qr: CanvasImageSource; name: string; line: string }) {
  const { width, height, code } = layout;
  context.drawImage(parts.background, 0, 0, width, height);
  const side = code.size * width;
  context.fillStyle = "#ffffff";
  context.fillRect(code.x * width, code.y * height, side, side);
  context.drawImage(parts.qr, code.x * width, code.y * height, side, side);
  text(context, parts.name, layout.name, width, height, 600);
  if (parts.line) text(context, parts.line, layout.text, width, height, 400);
}
