-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "leadId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Team_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Team_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Promoter" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "teamId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Promoter_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Promoter_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Promoter" ("accountId", "active", "createdAt", "id", "name", "note", "phone", "selfServiceEnabled", "selfServiceTokenHash", "updatedAt", "welcomeText") SELECT "accountId", "active", "createdAt", "id", "name", "note", "phone", "selfServiceEnabled", "selfServiceTokenHash", "updatedAt", "welcomeText" FROM "Promoter";
DROP TABLE "Promoter";
ALTER TABLE "new_Promoter" RENAME TO "Promoter";
CREATE UNIQUE INDEX "Promoter_selfServiceTokenHash_key" ON "Promoter"("selfServiceTokenHash");
CREATE INDEX "Promoter_accountId_active_createdAt_idx" ON "Promoter"("accountId", "active", "createdAt");
CREATE INDEX "Promoter_accountId_name_idx" ON "Promoter"("accountId", "name");
CREATE INDEX "Promoter_accountId_teamId_idx" ON "Promoter"("accountId", "teamId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Team_leadId_key" ON "Team"("leadId");

-- CreateIndex
CREATE UNIQUE INDEX "Team_accountId_name_key" ON "Team"("accountId", "name");

