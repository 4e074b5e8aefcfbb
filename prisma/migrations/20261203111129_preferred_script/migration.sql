-- AlterTable
ALTER TABLE "Citizen" ADD COLUMN "preferredScript" TEXT;
