// Which credited follows a mapping's tag goes to, as SQL over a ledger row `a` and a mapping `m`:
// the promoter's own, the promoter's team's, or a campaign's (a follow through one of its codes on a
// day of its window, as the campaign boards count). Shared by the enqueue and "tag existing followers".

/** Ledger kinds that credit a follower to a promoter: a first follow by QR code, or an imported one. */
export const CREDITED_KINDS = "('new_follow', 'backfilled')";

export const CREDITED_TO_MAPPING = `(
  (m."targetType" = 'promoter' AND m."targetId" = a."promoterId")
  OR (m."targetType" = 'team' AND m."targetId" = (SELECT p."teamId" FROM "Promoter" p WHERE p."id" = a."promoterId"))
  OR (m."targetType" = 'campaign' AND EXISTS (
    SELECT 1 FROM "CampaignCode" cc JOIN "Campaign" c ON c."id" = cc."campaignId"
     WHERE cc."campaignId" = m."targetId" AND cc."qrCodeId" = a."qrCodeId" AND a."day" >= c."startDay" AND a."day" <= c."endDay"))
)`;
