-- CreateTable
CREATE TABLE "MonitoringAreaSettings" (
    "areaCode" TEXT NOT NULL PRIMARY KEY,
    "mappingJson" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
