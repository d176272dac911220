-- DropIndex
DROP INDEX "PromoterDailyStat_accountId_promoterId_day_counters_idx";

-- AlterTable
ALTER TABLE "Follower" ADD COLUMN     "qualified" BOOLEAN;

-- AlterTable
ALTER TABLE "PromoterDailyStat" ADD COLUMN     "qualified" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "QualifiedFollowState" (
    "accountId" TEXT NOT NULL,
    "announcedAt" TIMESTAMP(3) NOT NULL,
    "announcedId" INTEGER NOT NULL DEFAULT 0,
    "rebuildOpenid" TEXT,

    CONSTRAINT "QualifiedFollowState_pkey" PRIMARY KEY ("accountId")
);

-- CreateIndex
CREATE INDEX "PromoterDailyStat_accountId_promoterId_day_counters_idx" ON "PromoterDailyStat"("accountId", "promoterId", "day", "newFollowers", "refollows", "unfollows", "scans", "retained7", "backfilled", "qualified");

-- AddForeignKey
ALTER TABLE "QualifiedFollowState" ADD CONSTRAINT "QualifiedFollowState_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

