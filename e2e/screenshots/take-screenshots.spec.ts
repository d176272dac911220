import { expect, test, type Page } from "@playwright/test";
import { pushEvent } from "../../lib/wechat/simulator/push-event";
import { createPromoter, ensureAccount, ensureAdmin } from "../helpers";

const DAY = 86400;
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
  const now = Math.floor(Date.now() / 1000);
  const callbackUrl = `${baseURL}/api/wechat/wx0e2e0e2e0e2e0e2e`;
  let n = 0;
  for (const [i] of PROMOTERS.entries()) {
    for (let k = 0; k < 12 - i * 2; k++) {
      const at = now - ((k * 7 + i * 3) % 25) * DAY - k;
      const openid = `oDemo${i}x${k}`;
      await pushEvent({ callbackUrl, token: "e2etoken", event: "subscribe", openid, scene: String(i + 1), createTime: at });
      if (k % 5 === 4) await pushEvent({ callbackUrl, token: "e2etoken", event: "unsubscribe", openid, createTime: at + DAY });
      n++;
    }
  }
  expect(n).toBeGreaterThan(0);
  // One forged push, so the home page's callback health shows a refusal and its warning.
  await pushEvent({ callbackUrl, token: "not-the-console-token", event: "subscribe", openid: "oForged", scene: "1" });
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
