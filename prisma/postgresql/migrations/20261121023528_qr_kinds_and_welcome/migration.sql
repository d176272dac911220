-- AlterTable
ALTER TABLE "Promoter" ADD COLUMN     "welcomeText" TEXT;

-- AlterTable
ALTER TABLE "QrCode" ADD COLUMN     "label" TEXT;

