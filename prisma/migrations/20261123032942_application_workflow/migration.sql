-- AlterTable
ALTER TABLE "ApplicationEvent" ADD COLUMN "action" TEXT;
ALTER TABLE "ApplicationEvent" ADD COLUMN "actorId" TEXT;
ALTER TABLE "ApplicationEvent" ADD COLUMN "actorRole" TEXT;
ALTER TABLE "ApplicationEvent" ADD COLUMN "detailsJson" TEXT;
ALTER TABLE "ApplicationEvent" ADD COLUMN "fromStatus" TEXT;
ALTER TABLE "ApplicationEvent" ADD COLUMN "reason" TEXT;

-- CreateTable
CREATE TABLE "ApplicationDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "docType" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploadedByKind" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApplicationDocument_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "citizenId" TEXT NOT NULL,
    "applicationId" TEXT,
    "kind" TEXT NOT NULL,
    "paramsJson" TEXT NOT NULL DEFAULT '{}',
    "readAt" DATETIME,
    "smsStatus" TEXT NOT NULL DEFAULT 'pending',
    "smsSentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Notification_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReferenceCounter" (
    "prefix" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    PRIMARY KEY ("prefix", "year")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Application" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'temporary-relief',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "areaCode" TEXT,
    "citizenId" TEXT NOT NULL,
    "draftOwnerId" TEXT,
    "reliefType" TEXT,
    "applicantName" TEXT,
    "dataEncrypted" TEXT,
    "stateJson" TEXT,
    "submitKey" TEXT,
    "submittedAt" DATETIME,
    "currentDueOn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Application_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area" ("code") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Application_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Application" ("applicantName", "areaCode", "citizenId", "createdAt", "id", "kind", "reference", "status", "submittedAt", "updatedAt") SELECT "applicantName", "areaCode", "citizenId", "createdAt", "id", "kind", "reference", "status", "submittedAt", "updatedAt" FROM "Application";
DROP TABLE "Application";
ALTER TABLE "new_Application" RENAME TO "Application";
CREATE UNIQUE INDEX "Application_reference_key" ON "Application"("reference");
CREATE UNIQUE INDEX "Application_draftOwnerId_key" ON "Application"("draftOwnerId");
CREATE UNIQUE INDEX "Application_submitKey_key" ON "Application"("submitKey");
CREATE INDEX "Application_citizenId_idx" ON "Application"("citizenId");
CREATE INDEX "Application_areaCode_status_idx" ON "Application"("areaCode", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationDocument_storageKey_key" ON "ApplicationDocument"("storageKey");

-- CreateIndex
CREATE INDEX "ApplicationDocument_applicationId_docType_idx" ON "ApplicationDocument"("applicationId", "docType");

-- CreateIndex
CREATE INDEX "Notification_citizenId_createdAt_idx" ON "Notification"("citizenId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_smsStatus_createdAt_idx" ON "Notification"("smsStatus", "createdAt");

-- The old "rejected" status is the state machine's "refused" (不予救助).
UPDATE "Application" SET "status" = 'refused' WHERE "status" = 'rejected';
UPDATE "ApplicationEvent" SET "status" = 'refused' WHERE "status" = 'rejected';
