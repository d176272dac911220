-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'admin',
    "disabledAt" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "appSecretEnc" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "encodingAesKey" TEXT,
    "previousEncodingAesKey" TEXT,
    "mode" TEXT NOT NULL DEFAULT 'plain',
    "originalId" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "welcomeText" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessToken" (
    "accountId" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessToken_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "Promoter" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "note" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "selfServiceToken" TEXT,
    "selfServiceEnabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Promoter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QrCode" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "promoterId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'QR_LIMIT_SCENE',
    "sceneId" INTEGER,
    "sceneStr" TEXT,
    "sceneKey" TEXT NOT NULL,
    "ticket" TEXT,
    "url" TEXT,
    "expireSeconds" INTEGER,
    "expiresAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'pending',
    "lastErrorCode" INTEGER,
    "lastErrorMsg" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QrCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WechatEvent" (
    "id" SERIAL NOT NULL,
    "accountId" TEXT NOT NULL,
    "fromUser" TEXT NOT NULL,
    "createTime" INTEGER NOT NULL,
    "event" TEXT NOT NULL,
    "eventKey" TEXT,
    "ticket" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WechatEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Follower" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "openid" TEXT NOT NULL,
    "promoterId" TEXT,
    "source" TEXT NOT NULL,
    "firstSceneKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'following',
    "firstFollowedAt" TIMESTAMP(3) NOT NULL,
    "lastFollowedAt" TIMESTAMP(3) NOT NULL,
    "unfollowedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Follower_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attribution" (
    "id" SERIAL NOT NULL,
    "accountId" TEXT NOT NULL,
    "eventId" INTEGER NOT NULL,
    "followerId" TEXT NOT NULL,
    "promoterId" TEXT,
    "qrCodeId" TEXT,
    "sceneKey" TEXT,
    "kind" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "day" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromoterDailyStat" (
    "id" SERIAL NOT NULL,
    "accountId" TEXT NOT NULL,
    "promoterId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "newFollowers" INTEGER NOT NULL DEFAULT 0,
    "refollows" INTEGER NOT NULL DEFAULT 0,
    "unfollows" INTEGER NOT NULL DEFAULT 0,
    "scans" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PromoterDailyStat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountDailyStat" (
    "id" SERIAL NOT NULL,
    "accountId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "newFollowers" INTEGER NOT NULL DEFAULT 0,
    "refollows" INTEGER NOT NULL DEFAULT 0,
    "organic" INTEGER NOT NULL DEFAULT 0,
    "unattributed" INTEGER NOT NULL DEFAULT 0,
    "unfollows" INTEGER NOT NULL DEFAULT 0,
    "scans" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AccountDailyStat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "accountId" TEXT,
    "createdById" TEXT,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "userId" TEXT,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "detail" TEXT,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Account_appId_key" ON "Account"("appId");

-- CreateIndex
CREATE UNIQUE INDEX "Promoter_selfServiceToken_key" ON "Promoter"("selfServiceToken");

-- CreateIndex
CREATE INDEX "Promoter_accountId_active_createdAt_idx" ON "Promoter"("accountId", "active", "createdAt");

-- CreateIndex
CREATE INDEX "Promoter_accountId_name_idx" ON "Promoter"("accountId", "name");

-- CreateIndex
CREATE INDEX "QrCode_accountId_kind_sceneId_idx" ON "QrCode"("accountId", "kind", "sceneId");

-- CreateIndex
CREATE INDEX "QrCode_promoterId_idx" ON "QrCode"("promoterId");

-- CreateIndex
CREATE INDEX "QrCode_accountId_status_expiresAt_idx" ON "QrCode"("accountId", "status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "QrCode_accountId_sceneKey_key" ON "QrCode"("accountId", "sceneKey");

-- CreateIndex
CREATE INDEX "WechatEvent_accountId_receivedAt_idx" ON "WechatEvent"("accountId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WechatEvent_accountId_fromUser_createTime_event_key" ON "WechatEvent"("accountId", "fromUser", "createTime", "event");

-- CreateIndex
CREATE INDEX "Follower_promoterId_firstFollowedAt_idx" ON "Follower"("promoterId", "firstFollowedAt");

-- CreateIndex
CREATE INDEX "Follower_accountId_firstSceneKey_idx" ON "Follower"("accountId", "firstSceneKey");

-- CreateIndex
CREATE UNIQUE INDEX "Follower_accountId_openid_key" ON "Follower"("accountId", "openid");

-- CreateIndex
CREATE UNIQUE INDEX "Attribution_eventId_key" ON "Attribution"("eventId");

-- CreateIndex
CREATE INDEX "Attribution_accountId_occurredAt_idx" ON "Attribution"("accountId", "occurredAt");

-- CreateIndex
CREATE INDEX "Attribution_promoterId_occurredAt_idx" ON "Attribution"("promoterId", "occurredAt");

-- CreateIndex
CREATE INDEX "Attribution_followerId_occurredAt_idx" ON "Attribution"("followerId", "occurredAt");

-- CreateIndex
CREATE INDEX "Attribution_accountId_sceneKey_kind_idx" ON "Attribution"("accountId", "sceneKey", "kind");

-- CreateIndex
CREATE INDEX "PromoterDailyStat_accountId_day_idx" ON "PromoterDailyStat"("accountId", "day");

-- CreateIndex
CREATE INDEX "PromoterDailyStat_promoterId_day_idx" ON "PromoterDailyStat"("promoterId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "PromoterDailyStat_accountId_promoterId_day_key" ON "PromoterDailyStat"("accountId", "promoterId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "AccountDailyStat_accountId_day_key" ON "AccountDailyStat"("accountId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");

-- AddForeignKey
ALTER TABLE "AccessToken" ADD CONSTRAINT "AccessToken_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Promoter" ADD CONSTRAINT "Promoter_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QrCode" ADD CONSTRAINT "QrCode_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QrCode" ADD CONSTRAINT "QrCode_promoterId_fkey" FOREIGN KEY ("promoterId") REFERENCES "Promoter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WechatEvent" ADD CONSTRAINT "WechatEvent_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follower" ADD CONSTRAINT "Follower_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follower" ADD CONSTRAINT "Follower_promoterId_fkey" FOREIGN KEY ("promoterId") REFERENCES "Promoter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attribution" ADD CONSTRAINT "Attribution_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attribution" ADD CONSTRAINT "Attribution_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "WechatEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attribution" ADD CONSTRAINT "Attribution_followerId_fkey" FOREIGN KEY ("followerId") REFERENCES "Follower"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attribution" ADD CONSTRAINT "Attribution_promoterId_fkey" FOREIGN KEY ("promoterId") REFERENCES "Promoter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attribution" ADD CONSTRAINT "Attribution_qrCodeId_fkey" FOREIGN KEY ("qrCodeId") REFERENCES "QrCode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromoterDailyStat" ADD CONSTRAINT "PromoterDailyStat_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromoterDailyStat" ADD CONSTRAINT "PromoterDailyStat_promoterId_fkey" FOREIGN KEY ("promoterId") REFERENCES "Promoter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountDailyStat" ADD CONSTRAINT "AccountDailyStat_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
