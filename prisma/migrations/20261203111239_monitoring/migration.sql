-- CreateTable
CREATE TABLE "MonitoringBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "areaCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "periodFrom" TEXT,
    "periodTo" TEXT,
    "state" TEXT NOT NULL DEFAULT 'committed',
    "lines" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "report" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rolledBackAt" DATETIME,
    "rolledBackById" TEXT
);

-- CreateTable
CREATE TABLE "MonitoringCertification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "batchId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "areaCode" TEXT NOT NULL,
    "detailEncrypted" TEXT NOT NULL,
    CONSTRAINT "MonitoringCertification_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "MonitoringBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MonitoringCost" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "batchId" TEXT NOT NULL,
    "areaCode" TEXT NOT NULL,
    "idNumberHash" TEXT NOT NULL,
    "costsEncrypted" TEXT NOT NULL,
    CONSTRAINT "MonitoringCost_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "MonitoringBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MonitoringFlag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "areaCode" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "householdId" TEXT,
    "packId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "periodFrom" TEXT NOT NULL,
    "periodTo" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "cardEncrypted" TEXT NOT NULL,
    "dismissReason" TEXT,
    "visitDue" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MonitoringFlag_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "MonitoringBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MonitoringBatch_areaCode_createdAt_idx" ON "MonitoringBatch"("areaCode", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringBatch_areaCode_kind_fileHash_key" ON "MonitoringBatch"("areaCode", "kind", "fileHash");

-- CreateIndex
CREATE INDEX "MonitoringCertification_householdId_idx" ON "MonitoringCertification"("householdId");

-- CreateIndex
CREATE INDEX "MonitoringCertification_areaCode_idx" ON "MonitoringCertification"("areaCode");

-- CreateIndex
CREATE INDEX "MonitoringCost_areaCode_idx" ON "MonitoringCost"("areaCode");

-- CreateIndex
CREATE INDEX "MonitoringCost_idNumberHash_idx" ON "MonitoringCost"("idNumberHash");

-- CreateIndex
CREATE INDEX "MonitoringFlag_areaCode_state_idx" ON "MonitoringFlag"("areaCode", "state");

-- CreateIndex
CREATE INDEX "MonitoringFlag_householdId_idx" ON "MonitoringFlag"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringFlag_areaCode_personId_ruleId_year_key" ON "MonitoringFlag"("areaCode", "personId", "ruleId", "year");
