-- DropIndex
DROP INDEX "PromoterDailyStat_accountId_promoterId_day_counters_idx";

-- AlterTable
ALTER TABLE "Follower" ADD COLUMN     "listedAt" TIMESTAMP(3),
ADD COLUMN     "qrScene" TEXT,
ADD COLUMN     "subscribeScene" TEXT,
ADD COLUMN     "subscribeTime" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Attribution" ADD COLUMN     "note" TEXT;

-- AlterTable
ALTER TABLE "PromoterDailyStat" ADD COLUMN     "backfilled" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "AccountDailyStat" ADD COLUMN     "backfilled" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "BackfillRun" (
    "id" TEXT NOT NULL,
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
    "pausedUntil" TIMESTAMP(3),
    "leaseUntil" TIMESTAMP(3),
    "startedById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "BackfillRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BackfillRun_activeAccountId_key" ON "BackfillRun"("activeAccountId");

-- CreateIndex
CREATE INDEX "BackfillRun_accountId_startedAt_idx" ON "BackfillRun"("accountId", "startedAt");

-- CreateIndex
CREATE INDEX "PromoterDailyStat_accountId_promoterId_day_counters_idx" ON "PromoterDailyStat"("accountId", "promoterId", "day", "newFollowers", "refollows", "unfollows", "scans", "retained7", "backfilled");

-- AddForeignKey
ALTER TABLE "BackfillRun" ADD CONSTRAINT "BackfillRun_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

