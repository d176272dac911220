import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { webhookCreated, webhookEndpointList } from "@/lib/webhooks/webhook-api";
import { resetDatabase } from "@/test/reset-database";
import { DELETE } from "./[id]/route";
import { GET, POST } from "./route";

let key = "";
let readKey = "";
let otherKey = "";
const request = (method: string, path: string, bearer = key, body?: unknown) =>
  new Request(`http://app.test${path}`, { method, headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

beforeAll(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "0"; // the API refuses private targets by default
  resetEnvForTests();
});

beforeEach(async () => {
  await resetDatabase();
  const accountId = (await db().account.create({ data: { name: "服务号", appId: "wx00000000000000h1", appSecretEnc: "x", tokenEnc: "x" } })).id;
  const otherId = (await db().account.create({ data: { name: "B", appId: "wx00000000000000h2", appSecretEnc: "x", tokenEnc: "x" } })).id;
  key = (await createApiKey({ name: "rw", accountId, scope: "read-write" }, { email: "ops@example.com" })).key;
  readKey = (await createApiKey({ name: "r", accountId }, { email: "ops@example.com" })).key;
  otherKey = (await createApiKey({ name: "other", accountId: otherId, scope: "read-write" }, { email: "ops@example.com" })).key;
});

describe("/api/v1/webhooks", () => {
  it("creates an endpoint (secret in that answer only), lists it masked, and deletes it", async () => {
    const created = await POST(request("POST", "/api/v1/webhooks", key, { url: "https://93.184.215.14/hook", events: ["follow", "scan", "follow"] }));
    expect(created.status).toBe(201);
    const body = webhookCreated.parse(await created.json());
    expect(body).toMatchObject({ url: "https://93.184.215.14/hook", events: ["follow", "scan"], enabled: true, pending: 0 });
    expect(body.secret).toMatch(/^whsec_/);
    expect(body.secretHint).toBe(`whsec_…${body.secret.slice(-4)}`);
    const list = webhookEndpointList.parse(await (await GET(request("GET", "/api/v1/webhooks", readKey))).json());
    expect(list.data.map((e) => e.id)).toEqual([body.id]);
    expect(JSON.stringify(list)).not.toContain(body.secret);
    expect((await (await GET(request("GET", "/api/v1/webhooks", otherKey))).json()).data).toEqual([]); // another account's key sees none
    expect((await DELETE(request("DELETE", `/api/v1/webhooks/${body.id}`, otherKey), params(body.id))).status).toBe(404);
    expect((await DELETE(request("DELETE", `/api/v1/webhooks/${body.id}`), params(body.id))).status).toBe(204);
    expect(await db().webhookEndpoint.count()).toBe(0);
    expect(await db().auditLog.count({ where: { action: { startsWith: "webhook." }, actor: { startsWith: "api:" } } })).toBe(2);
  });

  it("refuses bad URLs, private targets, unknown events and read-only keys, creating nothing", async () => {
    const refused = async (body: unknown, bearer = key) => {
      const response = await POST(request("POST", "/api/v1/webhooks", bearer, body));
      return { status: response.status, body: await response.json() };
    };
    expect(await refused({ url: "ftp://example.com/x", events: ["follow"] })).toMatchObject({ status: 400, body: { error: { code: "bad_request", details: [{ path: "url", message: "urlInvalid" }] } } });
    expect(await refused({ url: "http://127.0.0.1:8080/x", events: ["follow"] })).toMatchObject({ status: 400, body: { error: { details: [{ path: "url", message: "urlPrivate" }] } } });
    expect(await refused({ url: "https://93.184.215.14/x", events: ["settled"] })).toMatchObject({ status: 400 });
    expect(await refused({ url: "https://93.184.215.14/x", events: [] })).toMatchObject({ status: 400, body: { error: { details: [{ path: "events", message: "eventsRequired" }] } } });
    expect((await refused({ url: "https://93.184.215.14/x", events: ["follow"] }, readKey)).status).toBe(403);
    expect(await db().webhookEndpoint.count()).toBe(0);
    // qualified-follow is a type an endpoint can now subscribe to.
    expect((await POST(request("POST", "/api/v1/webhooks", key, { url: "https://93.184.215.14/paid", events: ["qualified-follow"] }))).status).toBe(201);
  });
});
