-- CreateTable
CREATE TABLE "TagMapping" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "wechatTagId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TagMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowerTag" (
    "id" SERIAL NOT NULL,
    "accountId" TEXT NOT NULL,
    "tagMappingId" TEXT NOT NULL,
    "followerId" TEXT NOT NULL,
    "openid" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "claimedUntil" TIMESTAMP(3),
    "lastErrorCode" INTEGER,
    "lastErrorMsg" TEXT,
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowerTag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TagMapping_accountId_targetType_targetId_key" ON "TagMapping"("accountId", "targetType", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "TagMapping_accountId_wechatTagId_key" ON "TagMapping"("accountId", "wechatTagId");

-- CreateIndex
CREATE INDEX "FollowerTag_status_nextAttemptAt_idx" ON "FollowerTag"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "FollowerTag_tagMappingId_status_idx" ON "FollowerTag"("tagMappingId", "status");

-- CreateIndex
CREATE INDEX "FollowerTag_followerId_idx" ON "FollowerTag"("followerId");

-- CreateIndex
CREATE INDEX "FollowerTag_accountId_status_nextAttemptAt_idx" ON "FollowerTag"("accountId", "status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "FollowerTag_tagMappingId_followerId_key" ON "FollowerTag"("tagMappingId", "followerId");

-- AddForeignKey
ALTER TABLE "TagMapping" ADD CONSTRAINT "TagMapping_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowerTag" ADD CONSTRAINT "FollowerTag_tagMappingId_fkey" FOREIGN KEY ("tagMappingId") REFERENCES "TagMapping"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowerTag" ADD CONSTRAINT "FollowerTag_followerId_fkey" FOREIGN KEY ("followerId") REFERENCES "Follower"("id") ON DELETE CASCADE ON UPDATE CASCADE;

