// Shared set-up for /api/v1 route tests: the WeChat simulator, two accounts (A and B), and keys:
// read-write and read-only on A, read-write on B. `call` invokes a route handler as Next.js does.
import { beforeEach } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { resetApiRateLimits } from "@/lib/api-keys/rate-limit-api-key";
import { resetIdempotencyPurge } from "@/lib/rest-api/idempotent-create";
import { resetDatabase } from "./reset-database";
import { createTestAccount, simulatorForTests } from "./simulator";

type Handler<P> = (request: Request, context?: { params: Promise<P> }) => Promise<Response> | Response;
export type CallOptions<P> = { key?: string | null; method?: string; body?: unknown; headers?: Record<string, string>; params?: P };

export function apiTestKit() {
  const sim = simulatorForTests();
  const kit = { sim, accountA: "", accountB: "", rwKey: "", readKey: "", otherKey: "", rwKeyId: "" };
  beforeEach(async () => {
    await resetDatabase();
    resetApiRateLimits();
    resetIdempotencyPurge();
    sim.use();
    kit.accountA = (await createTestAccount("wx00000000000000a1", { name: "甲公众号" })).id;
    kit.accountB = (await createTestAccount("wx00000000000000b2", { name: "乙公众号" })).id;
    const rw = await createApiKey({ name: "rw", accountId: kit.accountA, scope: "read-write" }, { email: "cli" });
    kit.rwKey = rw.key;
    kit.rwKeyId = rw.id;
    kit.readKey = (await createApiKey({ name: "read", accountId: kit.accountA }, { email: "cli" })).key;
    kit.otherKey = (await createApiKey({ name: "b", accountId: kit.accountB, scope: "read-write" }, { email: "cli" })).key;
  });
  return kit;
}

/** Calls a route handler with a bearer key (default: none), an optional JSON body and route params. */
export function call<P extends Record<string, string>>(handler: Handler<P>, url: string, { key = null, method = "GET", body, headers = {}, params = {} as P }: CallOptions<P> = {}) {
  const init: RequestInit = { method, headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers } };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  return handler(new Request(`http://app.test${url}`, init), { params: Promise.resolve(params) });
}
