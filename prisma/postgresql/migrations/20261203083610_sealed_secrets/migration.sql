-- Account secrets and private-link tokens leave plaintext. SQL has no access to the auth secret (and
-- SQLite has no SHA-256), so existing values are carried over marked plain: and then npm run db:migrate
-- (run by npm start) seals the Account secrets and hashes the tokens (lib/accounts/upgrade-stored-secrets.ts).
-- Until it has, the readers accept the marked form. (No semicolons in these comments: Prisma splits on them.)

-- DropIndex
DROP INDEX "Promoter_selfServiceToken_key";

-- AlterTable ('plain:' || NULL is NULL: unset keys stay unset)
ALTER TABLE "Account" ADD COLUMN "tokenEnc" TEXT,
ADD COLUMN "encodingAesKeyEnc" TEXT,
ADD COLUMN "previousEncodingAesKeyEnc" TEXT;
UPDATE "Account" SET "tokenEnc" = 'plain:' || "token", "encodingAesKeyEnc" = 'plain:' || "encodingAesKey", "previousEncodingAesKeyEnc" = 'plain:' || "previousEncodingAesKey";
ALTER TABLE "Account" ALTER COLUMN "tokenEnc" SET NOT NULL,
DROP COLUMN "encodingAesKey",
DROP COLUMN "previousEncodingAesKey",
DROP COLUMN "token";

-- AlterTable
ALTER TABLE "Promoter" ADD COLUMN "selfServiceTokenHash" TEXT;
UPDATE "Promoter" SET "selfServiceTokenHash" = 'plain:' || "selfServiceToken";
ALTER TABLE "Promoter" DROP COLUMN "selfServiceToken";

-- CreateIndex
CREATE UNIQUE INDEX "Promoter_selfServiceTokenHash_key" ON "Promoter"("selfServiceTokenHash");
