-- CreateTable
CREATE TABLE "DeskHandover" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "tokenEncrypted" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    "usedAt" DATETIME,
    "usedByCitizenId" TEXT,
    CONSTRAINT "DeskHandover_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "DeskSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "DeskHandover_tokenHash_key" ON "DeskHandover"("tokenHash");

-- CreateIndex
CREATE INDEX "DeskHandover_sessionId_idx" ON "DeskHandover"("sessionId");
