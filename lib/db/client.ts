import { PrismaClient } from "@/lib/generated/prisma/client";
import { ensureDatabaseDirectory, resolveDatabaseUrl } from "@/lib/db/database-url";
import { createLibSqlAdapterFactory } from "@/lib/db/libsql-adapter";

export type Db = PrismaClient;

/**
 * A PrismaClient on a SQLite file through the libsql driver adapter.
 * `url` defaults to DATABASE_URL (see resolveDatabaseUrl); tests pass their own.
 */
export function createPrismaClient(url?: string): PrismaClient {
  const database = resolveDatabaseUrl(url);
  ensureDatabaseDirectory(database);
  return new PrismaClient({ adapter: createLibSqlAdapterFactory(database.url) });
}

// Next's dev server re-evaluates modules on every edit; keeping the client on
// globalThis stops each reload from opening another connection.
const globalForDb = globalThis as typeof globalThis & { __yizhanDb?: PrismaClient };

/** The process-wide client. Created on first use, so importing this module has no side effects. */
export function getDb(): PrismaClient {
  globalForDb.__yizhanDb ??= createPrismaClient();
  return globalForDb.__yizhanDb;
}
