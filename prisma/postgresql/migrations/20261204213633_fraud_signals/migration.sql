-- CreateTable
CREATE TABLE "SignalSettings" (
    "accountId" TEXT NOT NULL,
    "quickUnfollowPct" INTEGER NOT NULL DEFAULT 30,
    "minSample" INTEGER NOT NULL DEFAULT 10,
    "burstPerMinute" INTEGER NOT NULL DEFAULT 10,
    "nightStartHour" INTEGER NOT NULL DEFAULT 0,
    "nightEndHour" INTEGER NOT NULL DEFAULT 6,
    "nightPct" INTEGER NOT NULL DEFAULT 50,
    "requestedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignalSettings_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "PromoterSignal" (
    "accountId" TEXT NOT NULL,
    "promoterId" TEXT NOT NULL,
    "fromDay" TEXT NOT NULL,
    "toDay" TEXT NOT NULL,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "quickFlag" BOOLEAN NOT NULL DEFAULT false,
    "burstFlag" BOOLEAN NOT NULL DEFAULT false,
    "nightFlag" BOOLEAN NOT NULL DEFAULT false,
    "newFollowers" INTEGER NOT NULL DEFAULT 0,
    "quickUnfollows" INTEGER NOT NULL DEFAULT 0,
    "follows" INTEGER NOT NULL DEFAULT 0,
    "nightFollows" INTEGER NOT NULL DEFAULT 0,
    "burstMinutes" INTEGER NOT NULL DEFAULT 0,
    "burstFollows" INTEGER NOT NULL DEFAULT 0,
    "worstBursts" TEXT NOT NULL DEFAULT '[]',
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PromoterSignal_pkey" PRIMARY KEY ("promoterId")
);

-- CreateIndex
CREATE INDEX "PromoterSignal_accountId_flagged_idx" ON "PromoterSignal"("accountId", "flagged");

-- AddForeignKey
ALTER TABLE "SignalSettings" ADD CONSTRAINT "SignalSettings_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromoterSignal" ADD CONSTRAINT "PromoterSignal_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromoterSignal" ADD CONSTRAINT "PromoterSignal_promoterId_fkey" FOREIGN KEY ("promoterId") REFERENCES "Promoter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

