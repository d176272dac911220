-- DropIndex
DROP INDEX "Attribution_accountId_sceneKey_kind_idx";

-- DropIndex
DROP INDEX "PromoterDailyStat_accountId_day_idx";

-- CreateIndex
CREATE INDEX "Attribution_accountId_kind_sceneKey_promoterId_occurredAt_idx" ON "Attribution"("accountId", "kind", "sceneKey", "promoterId", "occurredAt");

-- CreateIndex
CREATE INDEX "PromoterDailyStat_accountId_promoterId_day_counters_idx" ON "PromoterDailyStat"("accountId", "promoterId", "day", "newFollowers", "refollows", "unfollows", "scans", "retained7");

