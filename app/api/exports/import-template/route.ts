// GET /api/exports/import-template?format=csv|xlsx – an empty promoter list with the importer's columns (session)
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { downloadResponse } from "@/lib/exports/download-response";
import { handleError, unauthorized } from "@/lib/http";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { importTemplate } from "@/lib/imports/import-template";

export const dynamic = "force-dynamic";

const querySchema = z.object({ format: z.enum(["csv", "xlsx"]).default("xlsx") });

export async function GET(request: Request) {
  try {
    // Not until a temporary password is replaced (pages redirect; a download is just refused).
    const user = await getCurrentUser();
    if (!user || user.mustChangePassword) return unauthorized();
    const { format } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { t } = await getDictionary();
    const c = t.batch.import.columns;
    const { body, contentType } = await importTemplate(format, { name: c.name, phone: c.phone, note: c.note, team: c.team });
    return downloadResponse(body, contentType, `${t.batch.import.templateFile}.${format}`, `promoters-template.${format}`);
  } catch (error) {
    return handleError(error);
  }
}
