// What the webhooks page and the REST API show: an account's endpoints (secrets masked) and its
// delivery log, newest first, with each delivery's attempts.
import { db } from "../db";
import { parseEventList } from "./event-types";

export async function listEndpoints(accountId: string) {
  const [endpoints, pending, failed] = await Promise.all([
    db().webhookEndpoint.findMany({ where: { accountId }, orderBy: { createdAt: "asc" } }),
    db().webhookDelivery.groupBy({ by: ["endpointId"], where: { accountId, status: "pending" }, _count: { _all: true } }),
    db().webhookDelivery.groupBy({ by: ["endpointId"], where: { accountId, status: "failed" }, _count: { _all: true } }),
  ]);
  const count = (rows: typeof pending, id: string) => rows.find((r) => r.endpointId === id)?._count._all ?? 0;
  return endpoints.map((e) => ({
    id: e.id, url: e.url, description: e.description, events: parseEventList(e.events), enabled: e.enabled,
    secretHint: `whsec_…${e.secretLast4}`, createdAt: e.createdAt.toISOString(), pending: count(pending, e.id), failed: count(failed, e.id),
  }));
}

export type EndpointView = Awaited<ReturnType<typeof listEndpoints>>[number];

export const DELIVERY_PAGE = 50;

export async function listDeliveries(accountId: string, { endpointId, take = DELIVERY_PAGE, cursor }: { endpointId?: string; take?: number; cursor?: number } = {}) {
  const rows = await db().webhookDelivery.findMany({
    where: { accountId, ...(endpointId ? { endpointId } : {}), ...(cursor ? { id: { lt: cursor } } : {}) },
    orderBy: { id: "desc" },
    take: take + 1,
    include: { event: { select: { type: true } }, endpoint: { select: { url: true } }, attemptLog: { orderBy: { id: "asc" } } },
  });
  const page = rows.slice(0, take);
  return {
    data: page.map((d) => ({
      id: d.id, eventId: d.eventId, type: d.event.type, endpointId: d.endpointId, url: d.endpoint.url, status: d.status, attempts: d.attempts,
      lastStatusCode: d.lastStatusCode, lastError: d.lastError, nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
      deliveredAt: d.deliveredAt?.toISOString() ?? null, createdAt: d.createdAt.toISOString(),
      attemptLog: d.attemptLog.map((a) => ({ at: a.startedAt.toISOString(), durationMs: a.durationMs, statusCode: a.statusCode, error: a.error, response: a.response })),
    })),
    nextCursor: rows.length > take ? page[page.length - 1].id : null,
  };
}

export type DeliveryView = Awaited<ReturnType<typeof listDeliveries>>["data"][number];
