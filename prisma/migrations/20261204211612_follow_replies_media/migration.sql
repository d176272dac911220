-- CreateTable
CREATE TABLE "MediaAsset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "mediaId" TEXT NOT NULL,
    "url" TEXT,
    "fileName" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MediaAsset_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowReply" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "content" TEXT,
    "mediaId" TEXT,
    "title" TEXT,
    "description" TEXT,
    "picUrl" TEXT,
    "url" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FollowReply_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MediaAsset_accountId_createdAt_idx" ON "MediaAsset"("accountId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MediaAsset_accountId_mediaId_key" ON "MediaAsset"("accountId", "mediaId");

-- CreateIndex
CREATE UNIQUE INDEX "FollowReply_accountId_scope_scopeId_key" ON "FollowReply"("accountId", "scope", "scopeId");

