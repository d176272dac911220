-- AlterTable
ALTER TABLE "Account" ADD COLUMN "forwardAesKeyEnc" TEXT;
ALTER TABLE "Account" ADD COLUMN "forwardFailedAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "forwardFailure" TEXT;
ALTER TABLE "Account" ADD COLUMN "forwardTimeoutMs" INTEGER;
ALTER TABLE "Account" ADD COLUMN "forwardTokenEnc" TEXT;
ALTER TABLE "Account" ADD COLUMN "forwardUrl" TEXT;

-- CreateTable
CREATE TABLE "ReplyRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "keyword" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL DEFAULT 'text',
    "content" TEXT,
    "mediaId" TEXT,
    "title" TEXT,
    "description" TEXT,
    "picUrl" TEXT,
    "url" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReplyRule_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ReplyRule_accountId_position_idx" ON "ReplyRule"("accountId", "position");

