-- CreateTable
CREATE TABLE "WechatDailyUserStat" (
    "accountId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "userSource" INTEGER NOT NULL,
    "newUser" INTEGER NOT NULL DEFAULT 0,
    "cancelUser" INTEGER NOT NULL DEFAULT 0,
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WechatDailyUserStat_pkey" PRIMARY KEY ("accountId","day","userSource")
);

-- CreateTable
CREATE TABLE "WechatDailyCumulate" (
    "accountId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "cumulateUser" INTEGER NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WechatDailyCumulate_pkey" PRIMARY KEY ("accountId","day")
);

-- CreateTable
CREATE TABLE "DatacubeFetch" (
    "accountId" TEXT NOT NULL,
    "attemptedAt" TIMESTAMP(3) NOT NULL,
    "succeededAt" TIMESTAMP(3),
    "errcode" INTEGER,
    "errmsg" TEXT,

    CONSTRAINT "DatacubeFetch_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("name")
);

-- AddForeignKey
ALTER TABLE "WechatDailyUserStat" ADD CONSTRAINT "WechatDailyUserStat_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WechatDailyCumulate" ADD CONSTRAINT "WechatDailyCumulate_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatacubeFetch" ADD CONSTRAINT "DatacubeFetch_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

