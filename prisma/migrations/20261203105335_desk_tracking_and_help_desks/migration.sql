-- AlterTable
ALTER TABLE "Application" ADD COLUMN "trackingCodeHash" TEXT;

-- CreateTable
CREATE TABLE "HelpDesk" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "areaCode" TEXT NOT NULL,
    "nameZhHans" TEXT NOT NULL,
    "nameZhHant" TEXT NOT NULL,
    "addressZhHans" TEXT NOT NULL,
    "addressZhHant" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "HelpDesk_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StaffUser" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "areaCode" TEXT,
    "helpDeskId" TEXT,
    "schoolId" TEXT,
    "displayName" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StaffUser_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area" ("code") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "StaffUser_helpDeskId_fkey" FOREIGN KEY ("helpDeskId") REFERENCES "HelpDesk" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "StaffUser_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_StaffUser" ("active", "areaCode", "createdAt", "displayName", "id", "lastLoginAt", "passwordHash", "role", "schoolId", "sessionVersion", "updatedAt", "username") SELECT "active", "areaCode", "createdAt", "displayName", "id", "lastLoginAt", "passwordHash", "role", "schoolId", "sessionVersion", "updatedAt", "username" FROM "StaffUser";
DROP TABLE "StaffUser";
ALTER TABLE "new_StaffUser" RENAME TO "StaffUser";
CREATE UNIQUE INDEX "StaffUser_username_key" ON "StaffUser"("username");
CREATE INDEX "StaffUser_areaCode_idx" ON "StaffUser"("areaCode");
CREATE INDEX "StaffUser_schoolId_idx" ON "StaffUser"("schoolId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "HelpDesk_code_key" ON "HelpDesk"("code");

-- CreateIndex
CREATE INDEX "HelpDesk_areaCode_idx" ON "HelpDesk"("areaCode");
