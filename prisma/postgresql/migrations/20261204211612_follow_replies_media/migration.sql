-- CreateTable
CREATE TABLE "MediaAsset" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "mediaId" TEXT NOT NULL,
    "url" TEXT,
    "fileName" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediaAsset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowReply" (
    "id" TEXT NOT NULL,
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
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowReply_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MediaAsset_accountId_createdAt_idx" ON "MediaAsset"("accountId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MediaAsset_accountId_mediaId_key" ON "MediaAsset"("accountId", "mediaId");

-- CreateIndex
CREATE UNIQUE INDEX "FollowReply_accountId_scope_scopeId_key" ON "FollowReply"("accountId", "scope", "scopeId");

-- AddForeignKey
ALTER TABLE "MediaAsset" ADD CONSTRAINT "MediaAsset_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowReply" ADD CONSTRAINT "FollowReply_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

