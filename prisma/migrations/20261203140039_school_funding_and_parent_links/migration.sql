-- CreateTable
CREATE TABLE "SchoolFundingImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "areaCode" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "added" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "matched" INTEGER NOT NULL,
    "conflicts" INTEGER NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SchoolFundingEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "areaCode" TEXT NOT NULL,
    "idNumberHash" TEXT NOT NULL,
    "idNumberEncrypted" TEXT NOT NULL,
    "tierEncrypted" TEXT NOT NULL,
    "validFrom" TEXT NOT NULL,
    "validTo" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SchoolParentLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pupilId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "tokenEncrypted" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SchoolPupilReceipt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pupilId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "SchoolFundingImport_areaCode_createdAt_idx" ON "SchoolFundingImport"("areaCode", "createdAt");

-- CreateIndex
CREATE INDEX "SchoolFundingEntry_idNumberHash_idx" ON "SchoolFundingEntry"("idNumberHash");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolFundingEntry_areaCode_idNumberHash_validFrom_key" ON "SchoolFundingEntry"("areaCode", "idNumberHash", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolParentLink_pupilId_key" ON "SchoolParentLink"("pupilId");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolParentLink_tokenHash_key" ON "SchoolParentLink"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolPupilReceipt_storageKey_key" ON "SchoolPupilReceipt"("storageKey");

-- CreateIndex
CREATE INDEX "SchoolPupilReceipt_pupilId_idx" ON "SchoolPupilReceipt"("pupilId");
