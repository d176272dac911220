-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "qualifyDays" INTEGER NOT NULL DEFAULT 3;

