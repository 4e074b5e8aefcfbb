-- CreateTable
CREATE TABLE "ApplicationViewer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "phoneHash" TEXT NOT NULL,
    "phoneEncrypted" TEXT NOT NULL,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" DATETIME,
    CONSTRAINT "ApplicationViewer_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ApplicationViewer_applicationId_removedAt_idx" ON "ApplicationViewer"("applicationId", "removedAt");

-- CreateIndex
CREATE INDEX "ApplicationViewer_phoneHash_removedAt_idx" ON "ApplicationViewer"("phoneHash", "removedAt");
