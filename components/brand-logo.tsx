import { BRAND_ASSETS } from "@/lib/brand-assets";

/** The Scenecode mark with its name, for posters and the promoter's page. */
export function BrandLogo({ name, size = 20, className = "", testId }: { name: string; size?: number; className?: string; testId?: string }) {
  return (
    <span className={`inline-flex items-center gap-1.5 ${className}`} data-testid={testId}>
      {/* eslint-disable-next-line @next/next/no-img-element -- a static SVG: next/image does not optimise SVGs, and print needs the vector */}
      <img src={BRAND_ASSETS.logo} alt="" width={size} height={size} aria-hidden="true" />
      <span>{name}</span>
    </span>
  );
}
