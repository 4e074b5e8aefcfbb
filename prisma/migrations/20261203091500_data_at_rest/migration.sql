-- AlterTable
ALTER TABLE "Application" ADD COLUMN "applicantNameEncrypted" TEXT;
ALTER TABLE "Application" ADD COLUMN "applicantNameHash" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "citizenId" TEXT NOT NULL,
    "applicationId" TEXT,
    "kind" TEXT NOT NULL,
    "paramsJson" TEXT NOT NULL DEFAULT '{}',
    "readAt" DATETIME,
    "smsStatus" TEXT NOT NULL DEFAULT 'pending',
    "smsSentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "smsAttempts" INTEGER NOT NULL DEFAULT 0,
    "smsNextAttemptAt" DATETIME,
    "smsLastError" TEXT,
    CONSTRAINT "Notification_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Notification_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Notification" ("applicationId", "citizenId", "createdAt", "id", "kind", "paramsJson", "readAt", "smsSentAt", "smsStatus") SELECT "applicationId", "citizenId", "createdAt", "id", "kind", "paramsJson", "readAt", "smsSentAt", "smsStatus" FROM "Notification";
DROP TABLE "Notification";
ALTER TABLE "new_Notification" RENAME TO "Notification";
CREATE INDEX "Notification_citizenId_createdAt_idx" ON "Notification"("citizenId", "createdAt");
CREATE INDEX "Notification_smsStatus_createdAt_idx" ON "Notification"("smsStatus", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Application_applicantNameHash_idx" ON "Application"("applicantNameHash");
