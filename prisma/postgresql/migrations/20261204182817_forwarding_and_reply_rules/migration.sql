-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "forwardAesKeyEnc" TEXT,
ADD COLUMN     "forwardFailedAt" TIMESTAMP(3),
ADD COLUMN     "forwardFailure" TEXT,
ADD COLUMN     "forwardTimeoutMs" INTEGER,
ADD COLUMN     "forwardTokenEnc" TEXT,
ADD COLUMN     "forwardUrl" TEXT;

-- CreateTable
CREATE TABLE "ReplyRule" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReplyRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReplyRule_accountId_position_idx" ON "ReplyRule"("accountId", "position");

-- AddForeignKey
ALTER TABLE "ReplyRule" ADD CONSTRAINT "ReplyRule_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

