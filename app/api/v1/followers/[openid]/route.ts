// GET /api/v1/followers/[openid] – who brought this follower, when, and what happened since (API key)
import { NextResponse } from "next/server";
import { followerQuery, queryParams } from "@/lib/api-keys/api-query-schemas";
import { withApiKey } from "@/lib/api-keys/with-api-key";
import { notFound } from "@/lib/http";
import { getApiFollower } from "@/lib/rest-api/get-api-follower";

export const dynamic = "force-dynamic";

export const GET = withApiKey<{ openid: string }>(async (request, { account }, { openid }) => {
  const follower = await getApiFollower(account.id, openid, followerQuery.parse(queryParams(request)));
  return follower ? NextResponse.json(follower) : notFound("This account has no follower with that openid");
});
