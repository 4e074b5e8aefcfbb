/**
 * Prisma CLI configuration (Prisma 6.19.3, offline).
 *
 * The native schema engine cannot be downloaded here, so the CLI uses its
 * built-in WASM engine ("js") and reaches SQLite through the libsql driver
 * adapter, wrapped to work around that engine's SQLite bugs
 * (prisma/migration-adapter.ts). See docs/database.md.
 */
import fs from "node:fs";
import { defineConfig } from "prisma/config";
import { ensureDatabaseDirectory, resolveDatabaseUrl } from "./lib/db/database-url";
import { createLibSqlAdapterFactory } from "./lib/db/libsql-adapter";
import { forMigrations, releaseWasmEngineTimers } from "./prisma/migration-adapter";

// With a config file Prisma stops reading .env itself; read it like Next does
// (.env.local first; variables already set in the environment win).
for (const file of [".env.local", ".env"]) {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

releaseWasmEngineTimers();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  async adapter() {
    const database = resolveDatabaseUrl();
    ensureDatabaseDirectory(database);
    return forMigrations(createLibSqlAdapterFactory(database.url));
  },
});
