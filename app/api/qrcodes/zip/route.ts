// GET /api/qrcodes/zip[?ids=a,b,c | ?campaign=id] – print-resolution PNGs of the active promoters' codes
// (or the given promoters', or a campaign's) as one ZIP, streamed as it is written (session)
import { getActiveAccount } from "@/lib/accounts/active-account";
import { getCurrentUser } from "@/lib/auth/session";
import { parseIdList } from "@/lib/batch/parse-id-list";
import { contentDisposition } from "@/lib/exports/download-response";
import { notFound, unauthorized } from "@/lib/http";
import { dayOf } from "@/lib/stats/day";
import { countZipCodes, listZipCodes, type ZipSelection } from "@/lib/qr/zip/list-zip-codes";
import { zipEntryName } from "@/lib/qr/zip/zip-entry-name";
import { zipStream, type ZipEntry } from "@/lib/qr/zip/zip-stream";
import { qrPng } from "@/lib/qr/render-qr";

export const dynamic = "force-dynamic";

// The entry count goes in a header before the first byte, so the page can show "123 of 1,000".
const ZIP_ENTRIES_HEADER = "x-zip-entries";

async function* pngEntries(selection: ZipSelection): AsyncGenerator<ZipEntry> {
  const taken = new Set<string>();
  for await (const code of listZipCodes(selection)) {
    yield { name: zipEntryName(code.name, code.sceneKey, taken), data: await qrPng(code.url, 1024) };
  }
}

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return unauthorized();
  const { account } = await getActiveAccount();
  if (!account) return notFound("No Official Account selected");
  const search = new URL(request.url).searchParams;
  const ids = search.getAll("ids");
  // An unreadable campaign id selects nothing (404), never every code.
  const campaignId = search.has("campaign") ? (parseIdList(search.get("campaign") ?? undefined, 1)?.[0] ?? "-") : undefined;
  const selection: ZipSelection = { accountId: account.id, promoterIds: ids.length ? (parseIdList(ids) ?? []) : undefined, campaignId };
  const count = await countZipCodes(selection);
  if (!count) return notFound("No active QR code in the selection");
  const day = dayOf(new Date(), account.timezone);
  return new Response(zipStream(pngEntries(selection)), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": contentDisposition(`${account.name}-二维码-${day}.zip`, `qrcodes-${day}.zip`),
      "cache-control": "private, no-store",
      [ZIP_ENTRIES_HEADER]: String(count),
    },
  });
}
