-- One-time codes get a purpose (a desk consent code never signs anyone in); a consent by code keeps the phone's hash.
ALTER TABLE "LoginCode" ADD COLUMN "purpose" TEXT NOT NULL DEFAULT 'sign-in';
ALTER TABLE "DeskConsent" ADD COLUMN "phoneHash" TEXT;
