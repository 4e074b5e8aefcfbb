-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idNumberHash" TEXT,
    "idNumberEncrypted" TEXT,
    "nameEncrypted" TEXT,
    "nameHash" TEXT,
    "phoneHash" TEXT,
    "phoneEncrypted" TEXT,
    "citizenId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Person_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PersonArea" (
    "personId" TEXT NOT NULL,
    "areaCode" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("personId", "areaCode"),
    CONSTRAINT "PersonArea_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Household" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "areaCode" TEXT NOT NULL,
    "registryKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "HouseholdMember" (
    "householdId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "relation" TEXT,

    PRIMARY KEY ("householdId", "personId"),
    CONSTRAINT "HouseholdMember_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HouseholdMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HelpChain" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "householdId" TEXT NOT NULL,
    "areaCode" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "HelpChain_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HelpLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chainId" TEXT NOT NULL,
    "personId" TEXT,
    "kind" TEXT NOT NULL,
    "provider" TEXT,
    "refId" TEXT,
    "state" TEXT NOT NULL,
    "amount" TEXT,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "HelpLink_chainId_fkey" FOREIGN KEY ("chainId") REFERENCES "HelpChain" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Application_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area" ("code") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Application_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Application_applicantPersonId_fkey" FOREIGN KEY ("applicantPersonId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Application" ("applicantName", "applicantNameEncrypted", "applicantNameHash", "areaCode", "citizenId", "createdAt", "currentDueOn", "currentDueProvisional", "dataEncrypted", "draftOwnerId", "id", "kind", "reference", "reliefType", "stateJson", "status", "submitKey", "submittedAt", "updatedAt") SELECT "applicantName", "applicantNameEncrypted", "applicantNameHash", "areaCode", "citizenId", "createdAt", "currentDueOn", "currentDueProvisional", "dataEncrypted", "draftOwnerId", "id", "kind", "reference", "reliefType", "stateJson", "status", "submitKey", "submittedAt", "updatedAt" FROM "Application";
DROP TABLE "Application";
ALTER TABLE "new_Application" RENAME TO "Application";
CREATE UNIQUE INDEX "Application_reference_key" ON "Application"("reference");
CREATE UNIQUE INDEX "Application_draftOwnerId_key" ON "Application"("draftOwnerId");
CREATE UNIQUE INDEX "Application_submitKey_key" ON "Application"("submitKey");
CREATE INDEX "Application_citizenId_idx" ON "Application"("citizenId");
CREATE INDEX "Application_areaCode_status_idx" ON "Application"("areaCode", "status");
CREATE INDEX "Application_applicantNameHash_idx" ON "Application"("applicantNameHash");
CREATE INDEX "Application_currentDueProvisional_idx" ON "Application"("currentDueProvisional");
CREATE INDEX "Application_applicantPersonId_idx" ON "Application"("applicantPersonId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Person_idNumberHash_key" ON "Person"("idNumberHash");

-- CreateIndex
CREATE UNIQUE INDEX "Person_citizenId_key" ON "Person"("citizenId");

-- CreateIndex
CREATE INDEX "Person_nameHash_idx" ON "Person"("nameHash");

-- CreateIndex
CREATE INDEX "Person_phoneHash_idx" ON "Person"("phoneHash");

-- CreateIndex
CREATE INDEX "PersonArea_areaCode_idx" ON "PersonArea"("areaCode");

-- CreateIndex
CREATE INDEX "Household_areaCode_idx" ON "Household"("areaCode");

-- CreateIndex
CREATE UNIQUE INDEX "Household_areaCode_registryKey_key" ON "Household"("areaCode", "registryKey");

-- CreateIndex
CREATE INDEX "HouseholdMember_personId_idx" ON "HouseholdMember"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "HelpChain_householdId_key" ON "HelpChain"("householdId");

-- CreateIndex
CREATE INDEX "HelpChain_areaCode_idx" ON "HelpChain"("areaCode");

-- CreateIndex
CREATE INDEX "HelpLink_chainId_idx" ON "HelpLink"("chainId");

-- CreateIndex
CREATE UNIQUE INDEX "HelpLink_kind_refId_key" ON "HelpLink"("kind", "refId");
