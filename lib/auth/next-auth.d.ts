import type { SessionUser } from "@/lib/auth/roles";

declare module "next-auth" {
  interface Session {
    /** Absent when signed out or when a staff account was deactivated. */
    user?: SessionUser;
  }
  interface User {
    /** Set by our Credentials providers' authorize(). */
    sessionUser?: SessionUser;
    /** The account's session version at sign-in (lib/auth/session-version.ts). */
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    user?: SessionUser;
    /** The account's session version when this session began; a higher one on the account ends it. */
    sv?: number;
  }
}
