-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN "phoneEncrypted" TEXT;
ALTER TABLE "StaffUser" ADD COLUMN "phoneHash" TEXT;
ALTER TABLE "StaffUser" ADD COLUMN "teacherClass" TEXT;
ALTER TABLE "StaffUser" ADD COLUMN "teacherGrade" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_phoneHash_key" ON "StaffUser"("phoneHash");

