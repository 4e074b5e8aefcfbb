import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readEnv, type ServerEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import type { SmsSender } from "@/lib/sms/types";

/**
 * What the sign-in functions depend on. Production code passes nothing and
 * gets the process-wide database, the real clock and the configured SMS
 * sender; tests pass a database in a temp dir, a fake clock, a sender.
 */
export interface AuthContext {
  db: PrismaClient;
  now: () => Date;
  env: ServerEnv;
  /** Overrides getSmsSender(). */
  sms?: SmsSender;
}

export function authContext(overrides: Partial<AuthContext> = {}): AuthContext {
  return {
    db: overrides.db ?? getDb(),
    now: overrides.now ?? (() => new Date()),
    env: overrides.env ?? readEnv(),
    sms: overrides.sms,
  };
}
