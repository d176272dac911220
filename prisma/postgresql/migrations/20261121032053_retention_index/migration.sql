-- CreateIndex
CREATE INDEX "Follower_accountId_firstFollowedAt_idx" ON "Follower"("accountId", "firstFollowedAt");

