import { expect, test } from "@playwright/test";
import { ADMIN, createPromoter, ensureAccount, ensureAdmin, signIn } from "./helpers";

// Roles and users, API keys, the audit log and a promoter's private page, through the real UI.
test.describe.configure({ mode: "serial" });

const VIEWER = "viewer@example.com";
const VIEWER_OWN_PASSWORD = "viewer-own-password-1";
let viewerPassword = "";
// The Tokens and the EncodingAESKey the earlier specs saved (helpers.ts, 02-core-loop, 03-safe-mode).
const SECRETS = ["e2etoken", "safemodetoken", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"];

test("an admin invites a viewer, who can read but not change anything", async ({ page, browser }) => {
  await ensureAdmin(page);
  await page.getByRole("link", { name: "用户" }).first().click();
  const form = page.getByTestId("invite-user-form");
  await form.getByLabel("邮箱").fill(VIEWER);
  await form.getByLabel("角色").selectOption({ label: "只读成员" });
  await form.getByRole("button", { name: "邀请用户" }).click();
  viewerPassword = (await page.getByTestId("one-time-secret-value").innerText()).trim();
  expect(viewerPassword.length).toBeGreaterThanOrEqual(10);
  await expect(page.locator(`[data-testid=user-row][data-user-email="${VIEWER}"]`).getByTestId("user-role")).toHaveText("只读成员");

  // The admin knows the temporary password: the viewer must choose their own before anything else.
  const context = await browser.newContext();
  const viewer = await context.newPage();
  await viewer.goto("/login");
  await viewer.getByLabel("邮箱").fill(VIEWER);
  await viewer.getByLabel("密码").fill(viewerPassword);
  await viewer.getByRole("button", { name: "登录" }).click();
  await expect(viewer).toHaveURL(/\/account\/password$/);
  await viewer.goto("/leaderboard");
  await expect(viewer).toHaveURL(/\/account\/password$/);
  await expect(viewer.getByTestId("must-change-password")).toBeVisible();
  const change = viewer.getByTestId("change-password-form");
  await change.getByLabel("当前密码").fill(viewerPassword);
  await change.getByLabel("新密码", { exact: true }).fill(VIEWER_OWN_PASSWORD);
  await change.getByLabel("确认新密码").fill(VIEWER_OWN_PASSWORD);
  await change.getByRole("button", { name: "修改密码" }).click();
  await expect(viewer).toHaveURL(/\/$/);
  viewerPassword = VIEWER_OWN_PASSWORD;
  await expect(viewer.getByRole("link", { name: "用户" })).toHaveCount(0);
  await viewer.goto("/promoters");
  await expect(viewer.getByRole("button", { name: "添加推广者" })).toHaveCount(0);
  // The dashboard streams (loading.tsx), so the refusal is the rendered 403 page rather than the status line.
  await viewer.goto("/users");
  await expect(viewer.getByText("你没有执行此操作的权限。")).toBeVisible();
  await expect(viewer.getByTestId("invite-user-form")).toHaveCount(0);

  // No secret reaches a viewer: not in the HTML, not in the RSC payload the client router fetches.
  await viewer.goto("/settings");
  await expect(viewer.getByLabel("Token（令牌）")).toHaveCount(0);
  for (const path of ["/settings", "/promoters", "/"]) {
    for (const headers of [{}, { rsc: "1" }] as Record<string, string>[]) {
      const body = await (await context.request.get(path, { headers })).text();
      for (const secret of SECRETS) expect(body, `${path} ${JSON.stringify(headers)}`).not.toContain(secret);
    }
  }
  await context.close();
});

test("signing the viewer out everywhere ends their open session", async ({ page, browser }) => {
  const context = await browser.newContext();
  const viewer = await context.newPage();
  await signIn(viewer, VIEWER, viewerPassword);

  await ensureAdmin(page);
  await page.goto("/users");
  const row = page.locator(`[data-testid=user-row][data-user-email="${VIEWER}"]`);
  await row.getByTestId("user-sign-out-everywhere").click();
  await row.getByTestId("user-sign-out-everywhere-confirm").click();
  await expect(row.getByRole("status")).toBeVisible();

  await viewer.goto("/leaderboard");
  await expect(viewer).toHaveURL(/\/login$/);
  await signIn(viewer, VIEWER, viewerPassword); // the password itself still works
  await context.close();
});

test("disabling the viewer ends their session at once", async ({ page, browser }) => {
  const context = await browser.newContext();
  const viewer = await context.newPage();
  await signIn(viewer, VIEWER, viewerPassword);

  await ensureAdmin(page);
  await page.goto("/users");
  const row = page.locator(`[data-testid=user-row][data-user-email="${VIEWER}"]`);
  await row.getByTestId("user-disable").click();
  await row.getByTestId("user-disable-confirm").click();
  await expect(row.getByTestId("user-status")).toHaveText("已停用");

  await viewer.goto("/leaderboard");
  await expect(viewer).toHaveURL(/\/login$/);
  await context.close();
});

test("an API key works until it is revoked", async ({ page, request }) => {
  await ensureAdmin(page);
  await ensureAccount(page);
  await page.goto("/api-keys");
  const form = page.getByTestId("create-api-key-form");
  await form.getByLabel("名称").fill("CRM 同步");
  await form.getByRole("button", { name: "创建密钥" }).click();
  const key = (await page.getByTestId("one-time-secret-value").first().innerText()).trim().split(/\s/)[0];
  expect(key).toMatch(/^sk_/);
  const ok = await request.get("/api/v1/leaderboard", { headers: { authorization: `Bearer ${key}` } });
  expect(ok.status()).toBe(200);

  await page.reload();
  const row = page.locator('[data-testid=api-key-row][data-key-name="CRM 同步"]');
  await row.getByTestId("api-key-revoke").click();
  await row.getByTestId("api-key-revoke-confirm").click();
  await expect(row.getByTestId("api-key-status")).toContainText("已吊销");
  const refused = await request.get("/api/v1/leaderboard", { headers: { authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("unauthorized");
});

test("a promoter's private link shows their own page, and rotating it kills the old one", async ({ page, browser }) => {
  await ensureAdmin(page);
  await ensureAccount(page);
  await createPromoter(page, "王小二");
  const panel = page.getByTestId("private-link-panel");
  await panel.getByTestId("private-link-create").click();
  const url = (await panel.getByTestId("private-link-url").innerText()).trim();
  expect(url).toMatch(/\/p\/[\w-]{40,}$/);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } }); // not signed in
  const promoterPage = await phone.newPage();
  await promoterPage.goto(url);
  await expect(promoterPage.getByTestId("sp-promoter-name")).toHaveText("王小二");
  await expect(promoterPage.getByTestId("sp-qr")).toBeVisible();
  await expect(promoterPage.getByTestId("sp-rank")).toContainText("第");
  const logo = promoterPage.getByTestId("sp-logo").locator("img");
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const png = await promoterPage.request.get(`${new URL(url).pathname}/qr`);
  expect(png.headers()["content-type"]).toBe("image/png");

  // The link is shown once: after a reload the admin sees only that it exists.
  const promoterUrl = page.url();
  await page.reload();
  await expect(panel.getByTestId("private-link-exists")).toBeVisible();
  await expect(panel.getByTestId("private-link-url")).toHaveCount(0);
  expect(await (await page.request.get(promoterUrl, { headers: { rsc: "1" } })).text()).not.toContain(new URL(url).pathname);

  await panel.getByTestId("private-link-rotate").click();
  await panel.getByTestId("private-link-rotate-confirm").click();
  await expect(panel.getByTestId("private-link-url")).not.toHaveText(url);
  const dead = await promoterPage.goto(url);
  expect(dead?.status()).toBe(404);
  await expect(promoterPage.getByTestId("sp-not-found")).toBeVisible();
  await phone.close();
});

test("the audit log records who did what", async ({ page }) => {
  await ensureAdmin(page);
  await page.goto("/audit");
  await expect(page.locator('[data-testid=audit-row][data-action="promoter.create"]').first()).toContainText(ADMIN.email);
  await expect(page.locator('[data-testid=audit-row][data-action="user.disable"]').first()).toBeVisible();
});
