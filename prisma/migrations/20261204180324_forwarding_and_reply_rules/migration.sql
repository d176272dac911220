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

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "appSecretEnc" TEXT NOT NULL,
    "tokenEnc" TEXT NOT NULL,
    "encodingAesKeyEnc" TEXT,
    "previousEncodingAesKeyEnc" TEXT,
    "mode" TEXT NOT NULL DEFAULT 'plain',
    "originalId" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "welcomeText" TEXT,
    "forwardUrl" TEXT,
    "forwardTokenEnc" TEXT,
    "forwardAesKeyEnc" TEXT,
    "forwardTimeoutMs" INTEGER NOT NULL DEFAULT 3000,
    "forwardFailedAt" DATETIME,
    "forwardFailure" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Account" ("appId", "appSecretEnc", "createdAt", "encodingAesKeyEnc", "id", "mode", "name", "originalId", "previousEncodingAesKeyEnc", "timezone", "tokenEnc", "updatedAt", "welcomeText") SELECT "appId", "appSecretEnc", "createdAt", "encodingAesKeyEnc", "id", "mode", "name", "originalId", "previousEncodingAesKeyEnc", "timezone", "tokenEnc", "updatedAt", "welcomeText" FROM "Account";
DROP TABLE "Account";
ALTER TABLE "new_Account" RENAME TO "Account";
CREATE UNIQUE INDEX "Account_appId_key" ON "Account"("appId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ReplyRule_accountId_position_idx" ON "ReplyRule"("accountId", "position");

