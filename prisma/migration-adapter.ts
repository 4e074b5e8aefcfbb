/**
 * The driver adapter the Prisma CLI (prisma.config.ts) uses for migrations.
 *
 * Prisma 6.19.3's WASM schema engine (the only schema engine that works
 * offline here) has three bugs on SQLite; this wrapper works around them.
 * The app's runtime client does not use it (see lib/db/client.ts).
 *
 *  1. On a new database `migrate dev` reads `_prisma_migrations` before
 *     creating it and fails with P1014: create the table when missing.
 *  2. The shadow database replays each migration file through `executeRaw`,
 *     which runs only the first statement of the file, then reports drift:
 *     run argument-less `executeRaw` calls as whole scripts.
 *  3. `migrate reset` empties tables with DELETE instead of dropping them, so
 *     re-applying the migrations fails with "table already exists": drop
 *     every table instead, then recreate an empty `_prisma_migrations`.
 *
 * And one more, not in the adapter: while creating a migration, `migrate dev`
 * arms a 60-second timer inside the WASM engine and never clears it, so the
 * command sits idle for a minute after finishing (releaseWasmEngineTimers).
 *
 * See docs/database.md. Set YIZHAN_MIGRATION_ADAPTER_DEBUG=1 to log calls.
 */
import type { PrismaLibSQL } from "@prisma/adapter-libsql";

type Factory = PrismaLibSQL;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type SqlQuery = Parameters<Adapter["executeRaw"]>[0];

// The same table the native schema engine creates on SQLite.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);`;

/**
 * Is this what the engine runs for `migrate reset` on SQLite?
 * "PRAGMA defer_foreign_keys = 1; DELETE FROM A; DELETE FROM B; … DELETE FROM _prisma_migrations"
 */
function isResetScript(script: string): boolean {
  const [first, ...rest] = script.split(";").map((part) => part.trim()).filter(Boolean);
  return (
    /^PRAGMA\s+defer_foreign_keys\s*=\s*1$/i.test(first ?? "") &&
    rest.length > 0 &&
    rest.every((statement) => /^DELETE\s+FROM\s+\S+$/i.test(statement))
  );
}

const debug = process.env.YIZHAN_MIGRATION_ADAPTER_DEBUG === "1";
const log = (role: string, what: string) => {
  if (debug) console.error(`${new Date().toISOString().slice(17,23)} [migration-adapter:${role}] ${what.replace(/\s+/g, " ").slice(0, 200)}`);
};

function query(sql: string): SqlQuery {
  return { sql, args: [], argTypes: [] };
}

async function totalChanges(adapter: Adapter): Promise<number> {
  const result = await adapter.queryRaw(query("SELECT total_changes() AS n"));
  return Number(result.rows[0]?.[0] ?? 0);
}

/** Drop every table, view and trigger (indexes go with their tables). */
async function dropEverything(adapter: Adapter): Promise<void> {
  const objects = await adapter.queryRaw(
    query("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger') AND name NOT LIKE 'sqlite_%'"),
  );
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const statements = objects.rows.map(([type, name]) => `DROP ${String(type).toUpperCase()} IF EXISTS ${quote(String(name))};`);
  // Triggers first, then views, then tables; foreign keys off so the order of tables does not matter.
  statements.sort((a, b) => rank(a) - rank(b));
  await adapter.executeScript(["PRAGMA foreign_keys = OFF;", ...statements, "PRAGMA foreign_keys = ON;"].join("\n"));
  await adapter.executeScript(CREATE_MIGRATIONS_TABLE);
}

function rank(statement: string): number {
  if (statement.startsWith("DROP TRIGGER")) return 0;
  if (statement.startsWith("DROP VIEW")) return 1;
  return 2;
}

function wrapAdapter(inner: Adapter, role: "main" | "shadow"): Adapter {
  const wrapped: Adapter = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw(q) {
      log(role, `queryRaw ${q.sql}`);
      return inner.queryRaw(q);
    },
    async executeRaw(q) {
      if (q.args.length > 0) {
        log(role, `executeRaw ${q.sql}`);
        return inner.executeRaw(q);
      }
      // Bug 2: a migration file arrives as one "statement"; run all of it.
      log(role, `executeRaw as script ${q.sql}`);
      const before = await totalChanges(inner);
      await inner.executeScript(q.sql);
      return (await totalChanges(inner)) - before;
    },
    async executeScript(script) {
      if (isResetScript(script)) {
        // Bug 3: reset must leave an empty database, not empty tables.
        log(role, "reset: dropping all tables");
        return dropEverything(inner);
      }
      log(role, `executeScript ${script}`);
      return inner.executeScript(script);
    },
    startTransaction(isolationLevel) {
      log(role, "startTransaction");
      return inner.startTransaction(isolationLevel);
    },
    dispose() {
      return inner.dispose();
    },
  };
  if (inner.getConnectionInfo) wrapped.getConnectionInfo = () => inner.getConnectionInfo!();
  return wrapped;
}

/** Wrap a libsql adapter factory for the Prisma CLI. */
export function forMigrations(factory: Factory) {
  return {
    provider: "sqlite" as const,
    adapterName: factory.adapterName,
    async connect(): Promise<Adapter> {
      const adapter = await factory.connect();
      // Bug 1.
      await adapter.executeScript(CREATE_MIGRATIONS_TABLE);
      return wrapAdapter(adapter, "main");
    },
    async connectToShadowDb(): Promise<Adapter> {
      return wrapAdapter(await factory.connectToShadowDb(), "shadow");
    },
  };
}

/**
 * Let the CLI exit when its work is done: timers of a minute or more that the
 * WASM engine arms no longer keep Node alive. They are timeouts raced against
 * work that is itself in progress, never the only thing being waited for.
 * Install in the CLI process only (prisma.config.ts).
 */
export function releaseWasmEngineTimers(): void {
  const marker = Symbol.for("yizhan.releaseWasmEngineTimers");
  const global = globalThis as typeof globalThis & { [marker]?: true };
  if (global[marker]) return;
  global[marker] = true;
  const nativeSetTimeout = globalThis.setTimeout;
  const patched = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = nativeSetTimeout(handler, ms, ...args);
    if (typeof ms === "number" && ms >= 60_000 && new Error().stack?.includes("wasm://")) {
      log("timer", `unref ${ms} ms timer armed by the WASM engine`);
      timer.unref();
    }
    return timer;
  }) as typeof setTimeout;
  globalThis.setTimeout = Object.assign(patched, nativeSetTimeout);
}
