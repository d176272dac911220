-- AlterTable
ALTER TABLE "User" ADD COLUMN     "allAccounts" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- Login counters are short-lived and change meaning (attempts counted before verification), so start afresh.
DELETE FROM "LoginThrottle";

-- AlterTable
ALTER TABLE "LoginThrottle" DROP COLUMN "failures",
DROP COLUMN "lockedUntil",
DROP COLUMN "updatedAt",
DROP COLUMN "windowStart",
ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "blockedUntilMs" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "lastAttemptMs" BIGINT NOT NULL;

-- Keys created before accounts were required acted on the first account: bind them to it, so they keep
-- working, with no account at all they could never act on anything and are dropped.
UPDATE "ApiKey" SET "accountId" = (SELECT "id" FROM "Account" ORDER BY "createdAt" ASC, "id" ASC LIMIT 1) WHERE "accountId" IS NULL;
DELETE FROM "ApiKey" WHERE "accountId" IS NULL;

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'read',
ALTER COLUMN "accountId" SET NOT NULL;

-- Existing keys could create promoters: keep that (new keys default to read-only).
UPDATE "ApiKey" SET "scope" = 'read-write';

-- CreateTable
CREATE TABLE "UserAccount" (
    "userId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserAccount_pkey" PRIMARY KEY ("userId","accountId")
);

-- CreateIndex
CREATE INDEX "UserAccount_accountId_idx" ON "UserAccount"("accountId");

-- CreateIndex
CREATE INDEX "LoginThrottle_lastAttemptMs_idx" ON "LoginThrottle"("lastAttemptMs");

-- AddForeignKey
ALTER TABLE "UserAccount" ADD CONSTRAINT "UserAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserAccount" ADD CONSTRAINT "UserAccount_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

