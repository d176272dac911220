import { expect, test } from "@playwright/test";

// public/: the favicon, app icons, web manifest and logo, served by the production build with the
// cache lifetimes next.config.js sets (a year for the versioned /brand/v1/ files, a day for fixed names).
const YEAR = "public, max-age=31536000, immutable";
const DAY = "public, max-age=86400";

test("serves the favicon, manifest, icons and logo with their cache headers", async ({ request }) => {
  for (const [url, type, cache] of [
    ["/favicon.ico", /image\/(x-icon|vnd\.microsoft\.icon)/, DAY],
    ["/manifest.webmanifest", /application\/manifest\+json|application\/json/, DAY],
    ["/brand/v1/logo.svg", /image\/svg\+xml/, YEAR],
    ["/brand/v1/icon-192.png", /image\/png/, YEAR],
    ["/brand/v1/icon-512.png", /image\/png/, YEAR],
    ["/brand/v1/apple-touch-icon.png", /image\/png/, YEAR],
  ] as const) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()["content-type"], url).toMatch(type);
    expect(response.headers()["cache-control"], url).toBe(cache);
  }
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest.name).toBe("场景码 Scenecode");
});

test("every page links the icons and the manifest", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('link[rel="icon"][href="/favicon.ico"]')).toHaveCount(1);
  await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveAttribute("href", "/brand/v1/logo.svg");
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/brand/v1/apple-touch-icon.png");
});
