-- Account secrets and private-link tokens leave plaintext. SQL has no access to the auth secret (and
-- SQLite has no SHA-256), so existing values are carried over marked plain: and then npm run db:migrate
-- (run by npm start) seals the Account secrets and hashes the tokens (lib/accounts/upgrade-stored-secrets.ts).
-- Until it has, the readers accept the marked form. (No semicolons in these comments: Prisma splits on them.)
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Account" ("appId", "appSecretEnc", "tokenEnc", "encodingAesKeyEnc", "previousEncodingAesKeyEnc", "createdAt", "id", "mode", "name", "originalId", "timezone", "updatedAt", "welcomeText") SELECT "appId", "appSecretEnc", 'plain:' || "token", 'plain:' || "encodingAesKey", 'plain:' || "previousEncodingAesKey", "createdAt", "id", "mode", "name", "originalId", "timezone", "updatedAt", "welcomeText" FROM "Account";
DROP TABLE "Account";
ALTER TABLE "new_Account" RENAME TO "Account";
CREATE UNIQUE INDEX "Account_appId_key" ON "Account"("appId");
CREATE TABLE "new_Promoter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "note" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "selfServiceTokenHash" TEXT,
    "selfServiceEnabled" BOOLEAN NOT NULL DEFAULT true,
    "welcomeText" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Promoter_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Promoter" ("accountId", "active", "createdAt", "id", "name", "note", "phone", "selfServiceTokenHash", "selfServiceEnabled", "updatedAt", "welcomeText") SELECT "accountId", "active", "createdAt", "id", "name", "note", "phone", 'plain:' || "selfServiceToken", "selfServiceEnabled", "updatedAt", "welcomeText" FROM "Promoter";
DROP TABLE "Promoter";
ALTER TABLE "new_Promoter" RENAME TO "Promoter";
CREATE UNIQUE INDEX "Promoter_selfServiceTokenHash_key" ON "Promoter"("selfServiceTokenHash");
CREATE INDEX "Promoter_accountId_active_createdAt_idx" ON "Promoter"("accountId", "active", "createdAt");
CREATE INDEX "Promoter_accountId_name_idx" ON "Promoter"("accountId", "name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

