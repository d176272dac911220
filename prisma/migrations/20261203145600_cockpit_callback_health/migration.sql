-- CreateTable
CREATE TABLE "AccessTokenError" (
    "accountId" TEXT NOT NULL PRIMARY KEY,
    "errcode" INTEGER NOT NULL,
    "errmsg" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "AccessTokenError_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiQuota" (
    "accountId" TEXT NOT NULL,
    "cgiPath" TEXT NOT NULL,
    "dailyLimit" INTEGER NOT NULL DEFAULT 0,
    "used" INTEGER NOT NULL DEFAULT 0,
    "remain" INTEGER NOT NULL DEFAULT 0,
    "fetchedAt" DATETIME NOT NULL,
    "errcode" INTEGER,
    "errmsg" TEXT,

    PRIMARY KEY ("accountId", "cgiPath"),
    CONSTRAINT "ApiQuota_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallbackCounter" (
    "accountId" TEXT NOT NULL,
    "bucketMs" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "lastAtMs" BIGINT NOT NULL DEFAULT 0,

    PRIMARY KEY ("accountId", "bucketMs", "kind")
);

-- CreateIndex
CREATE INDEX "CallbackCounter_bucketMs_idx" ON "CallbackCounter"("bucketMs");

