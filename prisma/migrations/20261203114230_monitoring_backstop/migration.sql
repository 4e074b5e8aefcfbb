-- CreateTable
CREATE TABLE "BackstopProposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "areaCode" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "packId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" TEXT NOT NULL,
    "resultEncrypted" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'computed',
    "proposedById" TEXT,
    "proposedAt" DATETIME,
    "approvedById" TEXT,
    "approvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "BackstopProposal_areaCode_state_idx" ON "BackstopProposal"("areaCode", "state");

-- CreateIndex
CREATE UNIQUE INDEX "BackstopProposal_householdId_packId_year_key" ON "BackstopProposal"("householdId", "packId", "year");
