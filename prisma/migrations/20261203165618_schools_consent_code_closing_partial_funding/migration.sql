-- AlterTable
ALTER TABLE "SchoolCase" ADD COLUMN "closedAt" DATETIME;
ALTER TABLE "SchoolCase" ADD COLUMN "closedById" TEXT;
ALTER TABLE "SchoolCase" ADD COLUMN "outcomeJson" TEXT;
ALTER TABLE "SchoolCase" ADD COLUMN "reopenReasonEncrypted" TEXT;
ALTER TABLE "SchoolCase" ADD COLUMN "reopenedAt" DATETIME;

-- AlterTable
ALTER TABLE "SchoolPupil" ADD COLUMN "amountDue" TEXT;

-- CreateTable
CREATE TABLE "SchoolCaseConsentRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "pupilId" TEXT NOT NULL,
    "phoneHash" TEXT NOT NULL,
    "formEncrypted" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LoginCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "phoneHash" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "consumedAt" DATETIME,
    "purpose" TEXT NOT NULL DEFAULT 'sign-in',
    "requestIpHash" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_LoginCode" ("attempts", "codeHash", "consumedAt", "createdAt", "expiresAt", "id", "phoneHash", "requestIpHash") SELECT "attempts", "codeHash", "consumedAt", "createdAt", "expiresAt", "id", "phoneHash", "requestIpHash" FROM "LoginCode";
DROP TABLE "LoginCode";
ALTER TABLE "new_LoginCode" RENAME TO "LoginCode";
CREATE INDEX "LoginCode_phoneHash_createdAt_idx" ON "LoginCode"("phoneHash", "createdAt");
CREATE INDEX "LoginCode_expiresAt_idx" ON "LoginCode"("expiresAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SchoolCaseConsentRequest_schoolId_createdAt_idx" ON "SchoolCaseConsentRequest"("schoolId", "createdAt");
