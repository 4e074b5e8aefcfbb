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

-- CreateIndex
CREATE INDEX "SchoolCaseConsentRequest_schoolId_createdAt_idx" ON "SchoolCaseConsentRequest"("schoolId", "createdAt");
