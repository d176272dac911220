-- CreateTable
CREATE TABLE "PosterTemplate" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "background" BYTEA NOT NULL,
    "backgroundType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "codeX" DOUBLE PRECISION NOT NULL,
    "codeY" DOUBLE PRECISION NOT NULL,
    "codeSize" DOUBLE PRECISION NOT NULL,
    "nameX" DOUBLE PRECISION NOT NULL,
    "nameY" DOUBLE PRECISION NOT NULL,
    "nameSize" DOUBLE PRECISION NOT NULL,
    "nameColor" TEXT NOT NULL,
    "nameAlign" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "textX" DOUBLE PRECISION NOT NULL,
    "textY" DOUBLE PRECISION NOT NULL,
    "textSize" DOUBLE PRECISION NOT NULL,
    "textColor" TEXT NOT NULL,
    "textAlign" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PosterTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PosterTemplate_accountId_isDefault_idx" ON "PosterTemplate"("accountId", "isDefault");

-- AddForeignKey
ALTER TABLE "PosterTemplate" ADD CONSTRAINT "PosterTemplate_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

