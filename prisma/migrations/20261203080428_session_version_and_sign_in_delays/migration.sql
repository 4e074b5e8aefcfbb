/*
  Warnings:

  - You are about to drop the column `failedLogins` on the `StaffUser` table. All the data in the column will be lost.
  - You are about to drop the column `lockedUntil` on the `StaffUser` table. All the data in the column will be lost.

*/
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Citizen" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "phoneHash" TEXT NOT NULL,
    "phoneEncrypted" TEXT NOT NULL,
    "displayName" TEXT,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" DATETIME
);
INSERT INTO "new_Citizen" ("createdAt", "displayName", "id", "lastSignInAt", "phoneEncrypted", "phoneHash") SELECT "createdAt", "displayName", "id", "lastSignInAt", "phoneEncrypted", "phoneHash" FROM "Citizen";
DROP TABLE "Citizen";
ALTER TABLE "new_Citizen" RENAME TO "Citizen";
CREATE UNIQUE INDEX "Citizen_phoneHash_key" ON "Citizen"("phoneHash");
CREATE TABLE "new_StaffUser" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "areaCode" TEXT,
    "schoolId" TEXT,
    "displayName" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StaffUser_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area" ("code") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "StaffUser_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_StaffUser" ("active", "areaCode", "createdAt", "displayName", "id", "lastLoginAt", "passwordHash", "role", "schoolId", "updatedAt", "username") SELECT "active", "areaCode", "createdAt", "displayName", "id", "lastLoginAt", "passwordHash", "role", "schoolId", "updatedAt", "username" FROM "StaffUser";
DROP TABLE "StaffUser";
ALTER TABLE "new_StaffUser" RENAME TO "StaffUser";
CREATE UNIQUE INDEX "StaffUser_username_key" ON "StaffUser"("username");
CREATE INDEX "StaffUser_areaCode_idx" ON "StaffUser"("areaCode");
CREATE INDEX "StaffUser_schoolId_idx" ON "StaffUser"("schoolId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
