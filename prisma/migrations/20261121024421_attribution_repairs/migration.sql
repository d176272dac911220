-- AlterTable
ALTER TABLE "Attribution" ADD COLUMN "reassignedAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Follower" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "openid" TEXT NOT NULL,
    "promoterId" TEXT,
    "source" TEXT NOT NULL,
    "firstSceneKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'following',
    "firstFollowedAt" DATETIME,
    "lastFollowedAt" DATETIME,
    "unfollowedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Follower_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Follower_promoterId_fkey" FOREIGN KEY ("promoterId") REFERENCES "Promoter" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Follower" ("accountId", "createdAt", "firstFollowedAt", "firstSceneKey", "id", "lastFollowedAt", "openid", "promoterId", "source", "status", "unfollowedAt", "updatedAt") SELECT "accountId", "createdAt", "firstFollowedAt", "firstSceneKey", "id", "lastFollowedAt", "openid", "promoterId", "source", "status", "unfollowedAt", "updatedAt" FROM "Follower";
DROP TABLE "Follower";
ALTER TABLE "new_Follower" RENAME TO "Follower";
CREATE INDEX "Follower_promoterId_firstFollowedAt_idx" ON "Follower"("promoterId", "firstFollowedAt");
CREATE INDEX "Follower_accountId_firstSceneKey_idx" ON "Follower"("accountId", "firstSceneKey");
CREATE UNIQUE INDEX "Follower_accountId_openid_key" ON "Follower"("accountId", "openid");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Attribution_accountId_kind_occurredAt_idx" ON "Attribution"("accountId", "kind", "occurredAt");

