import { expect, test } from "@playwright/test";
import { ADMIN as admin, SETUP_CODE, signIn } from "./helpers";

// One fresh install, walked through in order: setup → dashboard → sign out → sign in → bad password.
test.describe.configure({ mode: "serial" });


test("anonymous visitors are sent to first-run setup", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "初始化场景码" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});

test("the setup form shows field errors and creates nothing when invalid", async ({ page }) => {
  await page.goto("/setup");
  await page.getByLabel("邮箱").fill("not-an-email");
  await page.getByLabel("密码", { exact: true }).fill("short");
  await page.getByLabel("确认密码").fill("different");
  await page.getByRole("button", { name: "创建管理员" }).click();
  await expect(page.getByText("请填写设置码")).toBeVisible();
  await expect(page.getByText("请输入有效的邮箱地址")).toBeVisible();
  await expect(page.getByText("密码至少 10 个字符")).toBeVisible();
  await expect(page.getByText("两次输入的密码不一致")).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/\/setup$/); // still no user
});

test("first-run setup refuses a wrong setup code and creates nothing", async ({ page }) => {
  await page.goto("/setup");
  await page.getByLabel("设置码").fill("WRONG-CODE-0000");
  await page.getByLabel("邮箱").fill(admin.email);
  await page.getByLabel("密码", { exact: true }).fill(admin.password);
  await page.getByLabel("确认密码").fill(admin.password);
  await page.getByRole("button", { name: "创建管理员" }).click();
  await expect(page.getByText("设置码不正确")).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/\/setup$/); // still no user
});

test("first-run setup creates the admin and opens the dashboard shell in Chinese", async ({ page }) => {
  await page.goto("/setup");
  await page.getByLabel("设置码").fill(SETUP_CODE.toLowerCase()); // case and dashes do not matter
  await page.getByLabel("姓名").fill("运营管理员");
  await page.getByLabel("邮箱").fill(admin.email);
  await page.getByLabel("密码", { exact: true }).fill(admin.password);
  await page.getByLabel("确认密码").fill(admin.password);
  await page.getByRole("button", { name: "创建管理员" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "概览" })).toBeVisible();
  await expect(page.getByTestId("current-user").first()).toHaveText(admin.email);
  await expect(page.getByRole("navigation", { name: "工作台" })).toBeVisible();
});

test("setup is closed once an admin exists", async ({ page }) => {
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/login$/);
});

test("sign out, then the dashboard is refused", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

test("a wrong password shows an error and stays signed out", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("邮箱").fill(admin.email);
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText("邮箱或密码不正确。")).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

test("after sign-in the callback URL keeps the user on this site", async ({ page, baseURL }) => {
  for (const hostile of ["/\\evil.example", "/\t/evil.example", "https://evil.example/"]) {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(hostile)}`);
    await page.getByLabel("邮箱").fill(admin.email);
    await page.getByLabel("密码").fill(admin.password);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(`${baseURL}/`);
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login$/);
  }
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/leaderboard")}`);
  await page.getByLabel("邮箱").fill(admin.email);
  await page.getByLabel("密码").fill(admin.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(`${baseURL}/leaderboard`);
});

test("the language switch turns the whole UI to English and back", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.getByRole("button", { name: "English" }).first().click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "中文" }).first().click();
  await expect(page.getByRole("heading", { name: "概览" })).toBeVisible();
});

test("the phone layout has a working menu", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, admin.email, admin.password);
  await page.getByRole("button", { name: "打开菜单" }).click();
  await expect(page.locator("#mobile-menu").getByRole("link", { name: "概览" })).toBeVisible();
  await context.close();
});

test("an anonymous request gets no session and no dashboard HTML", async ({ request }) => {
  const session = await request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
  const page = await request.get("/", { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers()["location"]).toMatch(/\/login$/);
  expect(await page.text()).not.toContain("current-user");
});

test("pages carry a nonce CSP and still hydrate; API answers forbid everything", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (m) => { if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text()); });
  const response = await page.goto("/login");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response?.headers()["referrer-policy"]).toBeTruthy();
  expect(response?.headers()["strict-transport-security"]).toBeUndefined(); // http here; HSTS only behind https
  await signIn(page, admin.email, admin.password); // a client-side form: needs hydrated scripts
  for (const path of ["/leaderboard", "/promoters", "/settings"]) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
  }
  await page.getByRole("link", { name: "排行榜" }).first().click(); // client-side navigation
  await expect(page).toHaveURL(/\/leaderboard/);
  expect(violations).toEqual([]);

  const api = await request.get("/api/health");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
  const callback = await request.get("/api/wechat/wx0000000000000000");
  expect(callback.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
});
