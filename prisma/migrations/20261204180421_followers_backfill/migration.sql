-- AlterTable
ALTER TABLE "Follower" ADD COLUMN "listedAt" DATETIME;
ALTER TABLE "Follower" ADD COLUMN "qrScene" TEXT;
ALTER TABLE "Follower" ADD COLUMN "subscribeScene" TEXT;
ALTER TABLE "Follower" ADD COLUMN "subscribeTime" DATETIME;

-- AlterTable
ALTER TABLE "Attribution" ADD COLUMN "note" TEXT;

-- CreateTable
CREATE TABLE "BackfillRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "activeAccountId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'running',
    "cursor" TEXT NOT NULL DEFAULT '',
    "pageOffset" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "listed" INTEGER NOT NULL DEFAULT 0,
    "imported" INTEGER NOT NULL DEFAULT 0,
    "credited" INTEGER NOT NULL DEFAULT 0,
    "corrected" INTEGER NOT NULL DEFAULT 0,
    "reportJson" TEXT,
    "errcode" INTEGER,
    "errmsg" TEXT,
    "pausedUntil" DATETIME,
    "leaseUntil" DATETIME,
    "startedById" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "BackfillRun_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "backfilled" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "PromoterDailyStat_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PromoterDailyStat_promoterId_fkey" FOREIGN KEY ("promoterId") REFERENCES "Promoter" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PromoterDailyStat" ("accountId", "day", "id", "newFollowers", "promoterId", "refollows", "retained7", "scans", "unfollows") SELECT "accountId", "day", "id", "newFollowers", "promoterId", "refollows", "retained7", "scans", "unfollows" FROM "PromoterDailyStat";
DROP TABLE "PromoterDailyStat";
ALTER TABLE "new_PromoterDailyStat" RENAME TO "PromoterDailyStat";
CREATE INDEX "PromoterDailyStat_accountId_promoterId_day_counters_idx" ON "PromoterDailyStat"("accountId", "promoterId", "day", "newFollowers", "refollows", "unfollows", "scans", "retained7", "backfilled");
CREATE INDEX "PromoterDailyStat_promoterId_day_idx" ON "PromoterDailyStat"("promoterId", "day");
CREATE UNIQUE INDEX "PromoterDailyStat_accountId_promoterId_day_key" ON "PromoterDailyStat"("accountId", "promoterId", "day");
CREATE TABLE "new_AccountDailyStat" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "accountId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "newFollowers" INTEGER NOT NULL DEFAULT 0,
    "refollows" INTEGER NOT NULL DEFAULT 0,
    "organic" INTEGER NOT NULL DEFAULT 0,
    "unattributed" INTEGER NOT NULL DEFAULT 0,
    "unfollows" INTEGER NOT NULL DEFAULT 0,
    "scans" INTEGER NOT NULL DEFAULT 0,
    "backfilled" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "AccountDailyStat_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AccountDailyStat" ("accountId", "day", "id", "newFollowers", "organic", "refollows", "scans", "unattributed", "unfollows") SELECT "accountId", "day", "id", "newFollowers", "organic", "refollows", "scans", "unattributed", "unfollows" FROM "AccountDailyStat";
DROP TABLE "AccountDailyStat";
ALTER TABLE "new_AccountDailyStat" RENAME TO "AccountDailyStat";
CREATE UNIQUE INDEX "AccountDailyStat_accountId_day_key" ON "AccountDailyStat"("accountId", "day");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "BackfillRun_activeAccountId_key" ON "BackfillRun"("activeAccountId");

-- CreateIndex
CREATE INDEX "BackfillRun_accountId_startedAt_idx" ON "BackfillRun"("accountId", "startedAt");

