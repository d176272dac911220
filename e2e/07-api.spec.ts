import { expect, test } from "@playwright/test";
import { ensureAccount, ensureAdmin } from "./helpers";

test("a read-write key creates a promoter and a campaign code once per Idempotency-Key, and downloads its image", async ({ page, request }) => {
  await ensureAdmin(page);
  await ensureAccount(page);
  await page.goto("/api-keys");
  const form = page.getByTestId("create-api-key-form");
  await form.getByLabel("名称").fill("E2E 读写");
  await form.getByLabel("权限").selectOption("read-write");
  await form.getByRole("button", { name: "创建密钥" }).click();
  const key = (await page.getByTestId("one-time-secret-value").first().innerText()).trim().split(/\s/)[0];
  const headers = { authorization: `Bearer ${key}`, "idempotency-key": "e2e-promoter-1" };

  const first = await request.post("/api/v1/promoters", { headers, data: { name: "接口推广员" } });
  expect(first.status()).toBe(201);
  const promoter = await first.json();
  const retry = await request.post("/api/v1/promoters", { headers, data: { name: "接口推广员" } });
  expect(retry.headers()["idempotent-replayed"]).toBe("true");
  expect((await retry.json()).id).toBe(promoter.id);

  const code = await request.post(`/api/v1/promoters/${promoter.id}/qrcodes`, { headers: { authorization: `Bearer ${key}` }, data: { kind: "QR_STR_SCENE", sceneStr: "e2e-campaign", expireSeconds: 86400 } });
  expect(code.status()).toBe(201);
  const qr = await code.json();
  expect(qr).toMatchObject({ kind: "QR_STR_SCENE", status: "active", expireSeconds: 86400 });
  const png = await request.get(`/api/v1/qrcodes/${qr.id}/image`, { headers: { authorization: `Bearer ${key}` } });
  expect(png.headers()["content-type"]).toBe("image/png");
  const listed = await (await request.get(`/api/v1/promoters/${promoter.id}/qrcodes`, { headers: { authorization: `Bearer ${key}` } })).json();
  expect(listed.data.map((c: { scene: { key: string } }) => c.scene.key)).toContain("e2e-campaign");

  // The promoter's page in the dashboard shows the code the API made.
  await page.goto(`/promoters/${promoter.id}`);
  await expect(page.getByText("e2e-campaign").first()).toBeVisible();
});

test("the API reference page reads in Chinese and English, and links the OpenAPI document", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (m) => { if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text()); });
  await ensureAdmin(page);
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1, name: "API 文档" })).toBeVisible();
  await expect(page.getByText("新增二维码（四种类型之一）").first()).toBeVisible();
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  const operations = Object.values(doc.paths as Record<string, object>).reduce((n: number, ops) => n + Object.keys(ops).length, 0);
  await expect(page.getByTestId("api-operation")).toHaveCount(operations);
  await page.getByRole("button", { name: "English" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.getByText("Add a QR code of any of the four kinds").first()).toBeVisible();
  await page.getByRole("button", { name: "中文" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "API 文档" })).toBeVisible();
  expect(await page.getByTestId("openapi-link").getAttribute("href")).toBe("/api/v1/openapi.json");
  expect(violations).toEqual([]);
});
