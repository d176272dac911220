import { expect, type Page } from "@playwright/test";
import { SETUP_CODE } from "../playwright.config";

/** The simulator playwright.config.ts starts beside the app. */
export const SIMULATOR_URL = `http://127.0.0.1:${process.env.E2E_SIMULATOR_PORT ?? 3199}`;

export const ADMIN = { email: "admin@example.com", password: "correct-horse-battery" };
/** The first-run setup code playwright.config.ts starts the app with. */
export { SETUP_CODE } from "../playwright.config";

/**
 * Waits until React has hydrated the element (its props are attached to the DOM node): a controlled
 * input filled before that keeps its typed text on screen while the component's state never hears of it.
 */
export async function waitForHydration(page: Page, testId: string) {
  await page.waitForFunction((id) => {
    const node = document.querySelector(`[data-testid="${id}"]`);
    return !!node && Object.keys(node).some((key) => key.startsWith("__reactProps"));
  }, testId);
}

export async function signIn(page: Page, email = ADMIN.email, password = ADMIN.password) {
  await page.goto("/login");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** Signs in as the admin, running first-run setup when this server has no user yet. */
export async function ensureAdmin(page: Page) {
  await page.goto("/");
  if (page.url().endsWith("/setup")) {
    await page.getByLabel("设置码").fill(SETUP_CODE);
    await page.getByLabel("邮箱").fill(ADMIN.email);
    await page.getByLabel("密码", { exact: true }).fill(ADMIN.password);
    await page.getByLabel("确认密码").fill(ADMIN.password);
    await page.getByRole("button", { name: "创建管理员" }).click();
    await expect(page).toHaveURL(/\/$/);
  } else if (page.url().endsWith("/login")) {
    await signIn(page);
  }
}

/** Makes sure an Official Account is connected (the simulator stands in for WeChat). */
export async function ensureAccount(page: Page) {
  await page.goto("/settings");
  if (await page.getByTestId("callback-url").count()) return;
  await page.getByLabel("名称").fill("E2E 服务号");
  await page.getByLabel("AppID（开发者ID）").fill("wx0e2e0e2e0e2e0e2e");
  await page.getByLabel("AppSecret（开发者密码）").fill("e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0");
  await page.getByLabel("Token（令牌）").fill("e2etoken");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("callback-url")).toBeVisible();
}

/** Creates a promoter through the UI and leaves the page on their detail view. */
export async function createPromoter(page: Page, name: string) {
  await page.goto("/promoters");
  await page.getByLabel("姓名").fill(name);
  await page.getByRole("button", { name: "添加推广者" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
}
