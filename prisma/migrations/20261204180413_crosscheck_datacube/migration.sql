-- CreateTable
CREATE TABLE "WechatDailyUserStat" (
    "accountId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "userSource" INTEGER NOT NULL,
    "newUser" INTEGER NOT NULL DEFAULT 0,
    "cancelUser" INTEGER NOT NULL DEFAULT 0,
    "fetchedAt" DATETIME NOT NULL,

    PRIMARY KEY ("accountId", "day", "userSource"),
    CONSTRAINT "WechatDailyUserStat_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WechatDailyCumulate" (
    "accountId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "cumulateUser" INTEGER NOT NULL,
    "fetchedAt" DATETIME NOT NULL,

    PRIMARY KEY ("accountId", "day"),
    CONSTRAINT "WechatDailyCumulate_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DatacubeFetch" (
    "accountId" TEXT NOT NULL PRIMARY KEY,
    "attemptedAt" DATETIME NOT NULL,
    "succeededAt" DATETIME,
    "errcode" INTEGER,
    "errmsg" TEXT,
    CONSTRAINT "DatacubeFetch_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

