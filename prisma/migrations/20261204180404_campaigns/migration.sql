-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startDay" TEXT NOT NULL,
    "endDay" TEXT NOT NULL,
    "target" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Campaign_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CampaignCode" (
    "campaignId" TEXT NOT NULL,
    "qrCodeId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("campaignId", "qrCodeId"),
    CONSTRAINT "CampaignCode_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CampaignCode_qrCodeId_fkey" FOREIGN KEY ("qrCodeId") REFERENCES "QrCode" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Campaign_accountId_startDay_idx" ON "Campaign"("accountId", "startDay");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_accountId_name_key" ON "Campaign"("accountId", "name");

-- CreateIndex
CREATE INDEX "CampaignCode_qrCodeId_idx" ON "CampaignCode"("qrCodeId");

-- CreateIndex
CREATE INDEX "Attribution_qrCodeId_day_kind_promoterId_idx" ON "Attribution"("qrCodeId", "day", "kind", "promoterId");

