import { expect, type Page } from "@playwright/test";

/** The simulator playwright.config.ts starts beside the app. */
export const SIMULATOR_URL = `http://127.0.0.1:${process.env.E2E_SIMULATOR_PORT ?? 3199}`;

export const ADMIN = { email: "admin@example.com", password: "correct-horse-battery" };

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
    await page.getByLabel("邮箱").fill(ADMIN.email);
    await page.getByLabel("密码", { exact: true }).fill(ADMIN.password);
    await page.getByLabel("确认密码").fill(ADMIN.password);
    await page.getByRole("button", { name: "创建管理员" }).click();
    await expect(page).toHaveURL(/\/$/);
  } else if (page.url().endsWith("/login")) {
    await signIn(page);
  }
}
