-- AlterTable
ALTER TABLE "WechatEvent" ADD COLUMN     "attributedAt" TIMESTAMP(3),
ALTER COLUMN "createTime" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "PromoterDailyStat" ADD COLUMN     "retained7" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "WechatEvent_attributedAt_id_idx" ON "WechatEvent"("attributedAt", "id");


-- Data: events stored before the pipeline were attributed in their own transaction.
UPDATE "WechatEvent" SET "attributedAt" = "receivedAt" WHERE "id" IN (SELECT "eventId" FROM "Attribution");

-- Data: 7-day retention moves into the rollups: each day's new followers still retained.
UPDATE "PromoterDailyStat" SET "retained7" = (
  SELECT COUNT(*) FROM "Attribution" a JOIN "Follower" f ON f."id" = a."followerId"
  WHERE a."accountId" = "PromoterDailyStat"."accountId" AND a."promoterId" = "PromoterDailyStat"."promoterId"
    AND a."day" = "PromoterDailyStat"."day" AND a."kind" = 'new_follow' AND f."retained7" = true AND f."source" = 'qr'
);
