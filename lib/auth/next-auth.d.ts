import type { SessionUser } from "@/lib/auth/roles";

declare module "next-auth" {
  interface Session {
    /** Absent when signed out or when a staff account was deactivated. */
    user?: SessionUser;
  }
  interface User {
    /** Set by our Credentials providers' authorize(). */
    sessionUser?: SessionUser;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    user?: SessionUser;
    /** When the staff record was last re-read (ms since epoch). */
    checkedAt?: number;
  }
}
