-- CreateTable
CREATE TABLE "SettlementPrice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "teamId" TEXT,
    "campaignId" TEXT,
    "priceFen" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SettlementPrice_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SettlementPrice_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SettlementPrice_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SettlementRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "fromDay" TEXT NOT NULL,
    "toDay" TEXT NOT NULL,
    "qualifyDays" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'locked',
    "follows" INTEGER NOT NULL DEFAULT 0,
    "qualified" INTEGER NOT NULL DEFAULT 0,
    "amountFen" BIGINT NOT NULL DEFAULT 0,
    "adjustments" INTEGER NOT NULL DEFAULT 0,
    "adjustmentFen" BIGINT NOT NULL DEFAULT 0,
    "totalFen" BIGINT NOT NULL DEFAULT 0,
    "createdBy" TEXT NOT NULL,
    "createdById" TEXT,
    "lockedAt" DATETIME NOT NULL,
    CONSTRAINT "SettlementRun_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SettlementLine" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" TEXT NOT NULL,
    "promoterId" TEXT NOT NULL,
    "promoterName" TEXT NOT NULL,
    "teamName" TEXT,
    "follows" INTEGER NOT NULL,
    "qualified" INTEGER NOT NULL,
    "unitFen" INTEGER,
    "amountFen" INTEGER NOT NULL,
    "adjustments" INTEGER NOT NULL,
    "adjustmentFen" INTEGER NOT NULL,
    "totalFen" INTEGER NOT NULL,
    CONSTRAINT "SettlementLine_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SettlementRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SettlementItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "attributionId" INTEGER NOT NULL,
    "promoterId" TEXT NOT NULL,
    "openid" TEXT NOT NULL,
    "sceneKey" TEXT,
    "day" TEXT NOT NULL,
    "followedAt" DATETIME NOT NULL,
    "unfollowedAt" DATETIME,
    "qualified" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,
    "unitFen" INTEGER NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "adjustment" BOOLEAN NOT NULL,
    CONSTRAINT "SettlementItem_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SettlementRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SettlementPrice_teamId_idx" ON "SettlementPrice"("teamId");

-- CreateIndex
CREATE INDEX "SettlementPrice_campaignId_idx" ON "SettlementPrice"("campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "SettlementPrice_accountId_key_key" ON "SettlementPrice"("accountId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "SettlementRun_accountId_seq_key" ON "SettlementRun"("accountId", "seq");

-- CreateIndex
CREATE INDEX "SettlementLine_promoterId_runId_idx" ON "SettlementLine"("promoterId", "runId");

-- CreateIndex
CREATE UNIQUE INDEX "SettlementLine_runId_promoterId_key" ON "SettlementLine"("runId", "promoterId");

-- CreateIndex
CREATE INDEX "SettlementItem_runId_promoterId_day_idx" ON "SettlementItem"("runId", "promoterId", "day");

-- CreateIndex
CREATE INDEX "SettlementItem_accountId_attributionId_promoterId_amountFen_idx" ON "SettlementItem"("accountId", "attributionId", "promoterId", "amountFen");

