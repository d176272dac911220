-- DropIndex
DROP INDEX "Follower_accountId_firstFollowedAt_idx";

-- DropIndex
DROP INDEX "Follower_accountId_firstSceneKey_idx";

