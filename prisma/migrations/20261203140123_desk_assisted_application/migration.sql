-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Application" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'temporary-relief',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "areaCode" TEXT,
    "citizenId" TEXT,
    "deskSessionId" TEXT,
    "applicantPersonId" TEXT,
    "draftOwnerId" TEXT,
    "reliefType" TEXT,
    "applicantName" TEXT,
    "applicantNameEncrypted" TEXT,
    "applicantNameHash" TEXT,
    "dataEncrypted" TEXT,
    "stateJson" TEXT,
    "submitKey" TEXT,
    "submittedAt" DATETIME,
    "currentDueOn" TEXT,
    "currentDueProvisional" BOOLEAN NOT NULL DEFAULT false,
    "trackingCodeHash" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Application_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area" ("code") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Application_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Application_deskSessionId_fkey" FOREIGN KEY ("deskSessionId") REFERENCES "DeskSession" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Application_applicantPersonId_fkey" FOREIGN KEY ("applicantPersonId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Application" ("applicantName", "applicantNameEncrypted", "applicantNameHash", "applicantPersonId", "areaCode", "citizenId", "createdAt", "currentDueOn", "currentDueProvisional", "dataEncrypted", "draftOwnerId", "id", "kind", "reference", "reliefType", "stateJson", "status", "submitKey", "submittedAt", "trackingCodeHash", "updatedAt") SELECT "applicantName", "applicantNameEncrypted", "applicantNameHash", "applicantPersonId", "areaCode", "citizenId", "createdAt", "currentDueOn", "currentDueProvisional", "dataEncrypted", "draftOwnerId", "id", "kind", "reference", "reliefType", "stateJson", "status", "submitKey", "submittedAt", "trackingCodeHash", "updatedAt" FROM "Application";
DROP TABLE "Application";
ALTER TABLE "new_Application" RENAME TO "Application";
CREATE UNIQUE INDEX "Application_reference_key" ON "Application"("reference");
CREATE UNIQUE INDEX "Application_deskSessionId_key" ON "Application"("deskSessionId");
CREATE UNIQUE INDEX "Application_draftOwnerId_key" ON "Application"("draftOwnerId");
CREATE UNIQUE INDEX "Application_submitKey_key" ON "Application"("submitKey");
CREATE INDEX "Application_citizenId_idx" ON "Application"("citizenId");
CREATE INDEX "Application_areaCode_status_idx" ON "Application"("areaCode", "status");
CREATE INDEX "Application_applicantNameHash_idx" ON "Application"("applicantNameHash");
CREATE INDEX "Application_currentDueProvisional_idx" ON "Application"("currentDueProvisional");
CREATE INDEX "Application_applicantPersonId_idx" ON "Application"("applicantPersonId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
