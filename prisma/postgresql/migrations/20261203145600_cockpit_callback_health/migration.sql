-- CreateTable
CREATE TABLE "AccessTokenError" (
    "accountId" TEXT NOT NULL,
    "errcode" INTEGER NOT NULL,
    "errmsg" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccessTokenError_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "ApiQuota" (
    "accountId" TEXT NOT NULL,
    "cgiPath" TEXT NOT NULL,
    "dailyLimit" INTEGER NOT NULL DEFAULT 0,
    "used" INTEGER NOT NULL DEFAULT 0,
    "remain" INTEGER NOT NULL DEFAULT 0,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "errcode" INTEGER,
    "errmsg" TEXT,

    CONSTRAINT "ApiQuota_pkey" PRIMARY KEY ("accountId","cgiPath")
);

-- CreateTable
CREATE TABLE "CallbackCounter" (
    "accountId" TEXT NOT NULL,
    "bucketMs" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "lastAtMs" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "CallbackCounter_pkey" PRIMARY KEY ("accountId","bucketMs","kind")
);

-- CreateIndex
CREATE INDEX "CallbackCounter_bucketMs_idx" ON "CallbackCounter"("bucketMs");

-- AddForeignKey
ALTER TABLE "AccessTokenError" ADD CONSTRAINT "AccessTokenError_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiQuota" ADD CONSTRAINT "ApiQuota_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

