import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { pushEvent } from "../../lib/wechat/simulator/push-event";
import { createPromoter, ensureAccount, ensureAdmin } from "../helpers";

const DATA_DIR = "data/screenshots"; // playwright.screenshots.config.ts
const OUT = "docs/screenshots";
const PROMOTERS = ["张三", "李四", "王五", "赵六", "钱七"];
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

async function seed(page: Page, baseURL: string) {
  await ensureAdmin(page);
  await ensureAccount(page);
  const ids: string[] = [];
  for (const name of PROMOTERS) {
    await createPromoter(page, name);
    ids.push(page.url().split("/").pop()!);
  }
  // A month of history, written to the database directly as `npm run cli -- demo:seed` does (the
  // callback refuses pushes whose CreateTime is far from now); the five promoters above keep scenes 1–5.
  execFileSync(process.execPath, ["--import", "tsx", "scripts/cli.ts", "demo:seed", "--appid", "wx0e2e0e2e0e2e0e2e", "--reuse", "--promoters", "5", "--followers", "60", "--days", "25", "--seed", "7"], {
    env: { ...process.env, DATA_DIR, DATABASE_URL: `file:./${DATA_DIR}/scenecode.db` },
    stdio: "inherit",
  });
  // And one follow through the real callback, now.
  const followed = await pushEvent({ callbackUrl: `${baseURL}/api/wechat/wx0e2e0e2e0e2e0e2e`, token: "e2etoken", event: "subscribe", openid: "oDemoToday", scene: "1" });
  expect(followed.status).toBe(200);
  // One forged push, so the home page's callback health shows a refusal and its warning.
  await pushEvent({ callbackUrl: `${baseURL}/api/wechat/wx0e2e0e2e0e2e0e2e`, token: "not-the-console-token", event: "subscribe", openid: "oForged", scene: "1" });
  return ids;
}

test("screenshots of the main pages", async ({ page, browser, baseURL }) => {
  const [first] = await seed(page, baseURL!);
  await page.goto(`/promoters/${first}`);
  await page.getByTestId("private-link-create").click();
  const privateUrl = (await page.getByTestId("private-link-url").innerText()).trim();
  const cookies = await page.context().cookies();
  const pages = { overview: "/", leaderboard: "/leaderboard", promoters: "/promoters", promoter: `/promoters/${first}`, settings: "/settings", poster: `/print/promoters/${first}` };
  for (const locale of ["zh-CN", "en"] as const) {
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      await context.addCookies([...cookies, { name: "locale", value: locale, url: baseURL! }]);
      const shot = await context.newPage();
      for (const [name, path] of Object.entries(pages)) {
        await shot.goto(path);
        await shot.waitForLoadState("networkidle");
        await shot.screenshot({ path: `${OUT}/${name}-${locale}-${device}.png`, fullPage: true });
      }
      await context.clearCookies();
      await context.addCookies([{ name: "locale", value: locale, url: baseURL! }]);
      await shot.goto(privateUrl);
      await shot.waitForLoadState("networkidle");
      await shot.screenshot({ path: `${OUT}/private-page-${locale}-${device}.png`, fullPage: true });
      await context.close();
    }
  }
});
