-- AlterTable
ALTER TABLE "Follower" ADD COLUMN "qualified" BOOLEAN;

-- CreateTable
CREATE TABLE "QualifiedFollowState" (
    "accountId" TEXT NOT NULL PRIMARY KEY,
    "announcedAt" DATETIME NOT NULL,
    "announcedId" INTEGER NOT NULL DEFAULT 0,
    "rebuildOpenid" TEXT,
    CONSTRAINT "QualifiedFollowState_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (ADD COLUMN, not a table redefinition: parallel migrations of this table keep their columns)
ALTER TABLE "PromoterDailyStat" ADD COLUMN "qualified" INTEGER NOT NULL DEFAULT 0;

-- The leaderboard's covering index gains the new counter
DROP INDEX "PromoterDailyStat_accountId_promoterId_day_counters_idx";
CREATE INDEX "PromoterDailyStat_accountId_promoterId_day_counters_idx" ON "PromoterDailyStat"("accountId", "promoterId", "day", "newFollowers", "refollows", "unfollows", "scans", "retained7", "backfilled", "qualified");
