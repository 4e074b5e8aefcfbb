-- CreateTable
CREATE TABLE "DeskSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "areaCode" TEXT NOT NULL,
    "helpDeskId" TEXT,
    "workerId" TEXT NOT NULL,
    "personId" TEXT,
    "personCreated" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'open',
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DeskSession_helpDeskId_fkey" FOREIGN KEY ("helpDeskId") REFERENCES "HelpDesk" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "DeskSession_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeskConsent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "purposes" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "givenAt" DATETIME NOT NULL,
    "withdrawnAt" DATETIME,
    "withdrawnById" TEXT,
    CONSTRAINT "DeskConsent_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "DeskSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DeskSession_areaCode_createdAt_idx" ON "DeskSession"("areaCode", "createdAt");

-- CreateIndex
CREATE INDEX "DeskSession_personId_idx" ON "DeskSession"("personId");

-- CreateIndex
CREATE INDEX "DeskConsent_sessionId_idx" ON "DeskConsent"("sessionId");
