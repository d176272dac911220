import type { CSSProperties } from "react";
import type { PosterLayout, PosterTextSpot } from "@/lib/posters/poster-layout";

const SHIFT = { left: "0%", center: "-50%", right: "-100%" } as const;
const pct = (fraction: number) => `${fraction * 100}%`;

// Font sizes are fractions of the poster's width: container query units (cqw) scale them with it,
// as the private page's canvas does in pixels (poster-download.tsx).
function textStyle(spot: PosterTextSpot, weight: number): CSSProperties {
  return {
    position: "absolute",
    left: pct(spot.x),
    top: pct(spot.y),
    transform: `translate(${SHIFT[spot.align]}, -50%)`,
    fontSize: `${spot.size * 100}cqw`,
    fontWeight: weight,
    lineHeight: 1.2,
    color: spot.color,
    textAlign: spot.align,
    whiteSpace: "nowrap",
  };
}

type Props = {
  layout: PosterLayout;
  backgroundSrc: string;
  /** The code as inline SVG (print) or as an image URL (the private page's PNG). */
  qr: { svg: string } | { src: string };
  name: string;
  line: string;
  label: string;
  className?: string;
  style?: CSSProperties;
  testId?: string;
};

/** A branded poster: the template's background with the code, the name and the line placed on it. */
export function PosterView({ layout, backgroundSrc, qr, name, line, label, className = "", style, testId = "poster" }: Props) {
  const { code } = layout;
  const codeStyle: CSSProperties = { position: "absolute", left: pct(code.x), top: pct(code.y), width: pct(code.size), aspectRatio: "1 / 1" };
  return (
    <div
      role="img"
      aria-label={label}
      data-testid={testId}
      data-width={layout.width}
      data-height={layout.height}
      className={`relative overflow-hidden bg-white ${className}`}
      style={{ aspectRatio: `${layout.width} / ${layout.height}`, containerType: "inline-size", ...style }}
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- the uploaded background as it is, for print */}
      <img src={backgroundSrc} alt="" className="absolute inset-0 h-full w-full" data-testid={`${testId}-background`} />
      {"svg" in qr ? (
        <div style={codeStyle} className="bg-white [&>svg]:h-full [&>svg]:w-full" data-testid={`${testId}-code`} dangerouslySetInnerHTML={{ __html: qr.svg }} />
      ) : (
        // eslint-disable-next-line @next/next/no-img-element -- the code's PNG, as the private page serves it
        <img src={qr.src} alt="" style={codeStyle} data-testid={`${testId}-code`} />
      )}
      <p style={textStyle(layout.name, 600)} data-testid={`${testId}-name`}>{name}</p>
      {line ? <p style={textStyle(layout.text, 400)} data-testid={`${testId}-line`}>{line}</p> : null}
    </div>
  );
}
