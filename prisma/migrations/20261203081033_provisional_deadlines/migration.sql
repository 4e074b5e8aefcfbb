-- A deadline counted through a year without a State Council holiday notice is provisional (暂定).
ALTER TABLE "Application" ADD COLUMN "currentDueProvisional" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Application_currentDueProvisional_idx" ON "Application"("currentDueProvisional");
