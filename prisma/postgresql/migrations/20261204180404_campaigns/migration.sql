-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startDay" TEXT NOT NULL,
    "endDay" TEXT NOT NULL,
    "target" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignCode" (
    "campaignId" TEXT NOT NULL,
    "qrCodeId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignCode_pkey" PRIMARY KEY ("campaignId","qrCodeId")
);

-- CreateIndex
CREATE INDEX "Campaign_accountId_startDay_idx" ON "Campaign"("accountId", "startDay");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_accountId_name_key" ON "Campaign"("accountId", "name");

-- CreateIndex
CREATE INDEX "CampaignCode_qrCodeId_idx" ON "CampaignCode"("qrCodeId");

-- CreateIndex
CREATE INDEX "Attribution_qrCodeId_day_kind_promoterId_idx" ON "Attribution"("qrCodeId", "day", "kind", "promoterId");

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignCode" ADD CONSTRAINT "CampaignCode_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignCode" ADD CONSTRAINT "CampaignCode_qrCodeId_fkey" FOREIGN KEY ("qrCodeId") REFERENCES "QrCode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

