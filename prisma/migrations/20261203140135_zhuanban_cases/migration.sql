-- CreateTable
CREATE TABLE "SchoolCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "areaCode" TEXT NOT NULL,
    "pupilId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "chainId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "consentMethod" TEXT NOT NULL,
    "consentGiverEncrypted" TEXT NOT NULL,
    "consentGivenAt" DATETIME NOT NULL,
    "consentRecordedById" TEXT NOT NULL,
    "consentSharesJson" TEXT NOT NULL,
    "illnessEncrypted" TEXT,
    "inviteTokenHash" TEXT,
    "invitedAt" DATETIME,
    "applicationId" TEXT,
    "openedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "SchoolCase_inviteTokenHash_key" ON "SchoolCase"("inviteTokenHash");

-- CreateIndex
CREATE INDEX "SchoolCase_schoolId_status_idx" ON "SchoolCase"("schoolId", "status");

-- CreateIndex
CREATE INDEX "SchoolCase_areaCode_status_idx" ON "SchoolCase"("areaCode", "status");

-- CreateIndex
CREATE INDEX "SchoolCase_pupilId_idx" ON "SchoolCase"("pupilId");
