-- AlterTable
ALTER TABLE "Follower" ALTER COLUMN "firstFollowedAt" DROP NOT NULL,
ALTER COLUMN "lastFollowedAt" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Attribution" ADD COLUMN     "reassignedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Attribution_accountId_kind_occurredAt_idx" ON "Attribution"("accountId", "kind", "occurredAt");

