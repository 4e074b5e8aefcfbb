-- CreateTable
CREATE TABLE "SchoolRosterDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sheetEncrypted" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SchoolRosterDraft_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SchoolRosterDraft_schoolId_createdAt_idx" ON "SchoolRosterDraft"("schoolId", "createdAt");
