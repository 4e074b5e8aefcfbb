-- CreateTable
CREATE TABLE "SchoolPupil" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "coverYear" INTEGER NOT NULL,
    "grade" TEXT NOT NULL,
    "gradeLevel" INTEGER,
    "className" TEXT NOT NULL,
    "gender" TEXT,
    "guardianPhoneHash" TEXT,
    "guardianPhoneEncrypted" TEXT,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "leftAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'unpaid',
    "statusNoteEncrypted" TEXT,
    "statusChangedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SchoolPupil_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SchoolPupil_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SchoolRosterSettings" (
    "schoolId" TEXT NOT NULL PRIMARY KEY,
    "mappingJson" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SchoolRosterSettings_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SchoolPupil_personId_current_idx" ON "SchoolPupil"("personId", "current");

-- CreateIndex
CREATE INDEX "SchoolPupil_schoolId_current_className_idx" ON "SchoolPupil"("schoolId", "current", "className");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolPupil_schoolId_personId_key" ON "SchoolPupil"("schoolId", "personId");
