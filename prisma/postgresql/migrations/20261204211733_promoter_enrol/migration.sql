-- AlterTable
ALTER TABLE "Promoter" ADD COLUMN     "openid" TEXT;

-- CreateTable
CREATE TABLE "EnrolSetting" (
    "accountId" TEXT NOT NULL,
    "enrolKeyword" TEXT,
    "autoApprove" BOOLEAN NOT NULL DEFAULT false,
    "autoApproveDailyLimit" INTEGER NOT NULL DEFAULT 20,
    "receivedText" TEXT,
    "approvedText" TEXT,
    "statsKeyword" TEXT,
    "linkOrigin" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EnrolSetting_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "PromoterApplication" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "openid" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "auto" BOOLEAN NOT NULL DEFAULT false,
    "pendingKey" TEXT,
    "promoterId" TEXT,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "sendErrcode" INTEGER,
    "sendError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromoterApplication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PromoterApplication_accountId_status_createdAt_idx" ON "PromoterApplication"("accountId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PromoterApplication_accountId_pendingKey_key" ON "PromoterApplication"("accountId", "pendingKey");

-- CreateIndex
CREATE UNIQUE INDEX "Promoter_accountId_openid_key" ON "Promoter"("accountId", "openid");

-- AddForeignKey
ALTER TABLE "EnrolSetting" ADD CONSTRAINT "EnrolSetting_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromoterApplication" ADD CONSTRAINT "PromoterApplication_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

