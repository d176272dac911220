-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WechatEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "accountId" TEXT NOT NULL,
    "fromUser" TEXT NOT NULL,
    "createTime" BIGINT NOT NULL,
    "event" TEXT NOT NULL,
    "eventKey" TEXT,
    "ticket" TEXT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attributedAt" DATETIME,
    CONSTRAINT "WechatEvent_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_WechatEvent" ("accountId", "createTime", "event", "eventKey", "fromUser", "id", "receivedAt", "ticket") SELECT "accountId", "createTime", "event", "eventKey", "fromUser", "id", "receivedAt", "ticket" FROM "WechatEvent";
DROP TABLE "WechatEvent";
ALTER TABLE "new_WechatEvent" RENAME TO "WechatEvent";
CREATE INDEX "WechatEvent_accountId_receivedAt_idx" ON "WechatEvent"("accountId", "receivedAt");
CREATE INDEX "WechatEvent_attributedAt_id_idx" ON "WechatEvent"("attributedAt", "id");
CREATE UNIQUE INDEX "WechatEvent_accountId_fromUser_createTime_event_key" ON "WechatEvent"("accountId", "fromUser", "createTime", "event");
CREATE TABLE "new_PromoterDailyStat" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "accountId" TEXT NOT NULL,
    "promoterId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "newFollowers" INTEGER NOT NULL DEFAULT 0,
    "refollows" INTEGER NOT NULL DEFAULT 0,
    "unfollows" INTEGER NOT NULL DEFAULT 0,
    "scans" INTEGER NOT NULL DEFAULT 0,
    "retained7" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "PromoterDailyStat_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PromoterDailyStat_promoterId_fkey" FOREIGN KEY ("promoterId") REFERENCES "Promoter" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PromoterDailyStat" ("accountId", "day", "id", "newFollowers", "promoterId", "refollows", "scans", "unfollows") SELECT "accountId", "day", "id", "newFollowers", "promoterId", "refollows", "scans", "unfollows" FROM "PromoterDailyStat";
DROP TABLE "PromoterDailyStat";
ALTER TABLE "new_PromoterDailyStat" RENAME TO "PromoterDailyStat";
CREATE INDEX "PromoterDailyStat_accountId_day_idx" ON "PromoterDailyStat"("accountId", "day");
CREATE INDEX "PromoterDailyStat_promoterId_day_idx" ON "PromoterDailyStat"("promoterId", "day");
CREATE UNIQUE INDEX "PromoterDailyStat_accountId_promoterId_day_key" ON "PromoterDailyStat"("accountId", "promoterId", "day");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Data: events stored before the pipeline were attributed in their own transaction.
UPDATE "WechatEvent" SET "attributedAt" = "receivedAt" WHERE "id" IN (SELECT "eventId" FROM "Attribution");

-- Data: 7-day retention moves into the rollups: each day's new followers still retained.
UPDATE "PromoterDailyStat" SET "retained7" = (
  SELECT COUNT(*) FROM "Attribution" a JOIN "Follower" f ON f."id" = a."followerId"
  WHERE a."accountId" = "PromoterDailyStat"."accountId" AND a."promoterId" = "PromoterDailyStat"."promoterId"
    AND a."day" = "PromoterDailyStat"."day" AND a."kind" = 'new_follow' AND f."retained7" = true AND f."source" = 'qr'
);
