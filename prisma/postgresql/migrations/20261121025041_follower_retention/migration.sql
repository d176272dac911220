-- AlterTable
ALTER TABLE "Follower" ADD COLUMN     "retained7" BOOLEAN;

