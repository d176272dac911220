// GET /api/v1/settlements/{id}/export?sheet=lines|evidence – a run's payout sheet or follower evidence as CSV (API key)
import { queryParams } from "@/lib/api-keys/api-query-schemas";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { notFound } from "@/lib/http";
import { exportApiSettlement, settlementExportQuery } from "@/lib/rest-api/api-settlements";

export const dynamic = "force-dynamic";

export const GET = withApiKey<{ id: string }>(async (request, { account }, { id }) => {
  const csv = await exportApiSettlement(account, id, settlementExportQuery.parse(queryParams(request)));
  return csv ?? notFound("No such settlement run in this account");
});
