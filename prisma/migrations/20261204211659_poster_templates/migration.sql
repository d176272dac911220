-- CreateTable
CREATE TABLE "PosterTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "background" BLOB NOT NULL,
    "backgroundType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "codeX" REAL NOT NULL,
    "codeY" REAL NOT NULL,
    "codeSize" REAL NOT NULL,
    "nameX" REAL NOT NULL,
    "nameY" REAL NOT NULL,
    "nameSize" REAL NOT NULL,
    "nameColor" TEXT NOT NULL,
    "nameAlign" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "textX" REAL NOT NULL,
    "textY" REAL NOT NULL,
    "textSize" REAL NOT NULL,
    "textColor" TEXT NOT NULL,
    "textAlign" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PosterTemplate_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PosterTemplate_accountId_isDefault_idx" ON "PosterTemplate"("accountId", "isDefault");

