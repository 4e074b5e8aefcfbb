-- AlterTable
ALTER TABLE "Application" ADD COLUMN "urgency" TEXT;
