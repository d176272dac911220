// The files under public/ that name the product. Everything under /brand/<version>/ is cached for a
// year as immutable (next.config.js): change a file only together with a new version folder (v2, …)
// and these paths. /favicon.ico and /manifest.webmanifest keep fixed names, so they are cached a day.
export const BRAND_VERSION = "v1";
const base = `/brand/${BRAND_VERSION}`;

export const BRAND_ASSETS = {
  logo: `${base}/logo.svg`,
  icon192: `${base}/icon-192.png`,
  icon512: `${base}/icon-512.png`,
  appleTouchIcon: `${base}/apple-touch-icon.png`,
  favicon: "/favicon.ico",
  manifest: "/manifest.webmanifest",
} as const;
