// GET /api/v1/account – the key's Official Account at a glance (API key)
import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { getApiAccount } from "@/lib/rest-api/get-api-account";

export const dynamic = "force-dynamic";

export const GET = withApiKey(async (_request, { account }) => NextResponse.json(await getApiAccount(account.id)));
