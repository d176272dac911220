-- AlterTable
ALTER TABLE "Promoter" ADD COLUMN "openid" TEXT;

-- CreateTable
CREATE TABLE "EnrolSetting" (
    "accountId" TEXT NOT NULL PRIMARY KEY,
    "enrolKeyword" TEXT,
    "autoApprove" BOOLEAN NOT NULL DEFAULT false,
    "autoApproveDailyLimit" INTEGER NOT NULL DEFAULT 20,
    "receivedText" TEXT,
    "approvedText" TEXT,
    "statsKeyword" TEXT,
    "linkOrigin" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EnrolSetting_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PromoterApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "openid" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "auto" BOOLEAN NOT NULL DEFAULT false,
    "pendingKey" TEXT,
    "promoterId" TEXT,
    "decidedBy" TEXT,
    "decidedAt" DATETIME,
    "sentAt" DATETIME,
    "sendErrcode" INTEGER,
    "sendError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PromoterApplication_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PromoterApplication_accountId_status_createdAt_idx" ON "PromoterApplication"("accountId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PromoterApplication_accountId_pendingKey_key" ON "PromoterApplication"("accountId", "pendingKey");

-- CreateIndex
CREATE UNIQUE INDEX "Promoter_accountId_openid_key" ON "Promoter"("accountId", "openid");

