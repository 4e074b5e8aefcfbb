import type { Client, Config, TransactionMode } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

/**
 * Settings every SQLite connection needs. busy_timeout comes first so the
 * others wait for a lock instead of failing with SQLITE_BUSY.
 * journal_mode=WAL is stored in the database file (readers no longer block the
 * writer); foreign_keys and busy_timeout last only as long as the connection.
 */
export const CONNECTION_PRAGMAS: readonly string[] = [
  "PRAGMA busy_timeout = 5000",
  "PRAGMA journal_mode = WAL",
  "PRAGMA foreign_keys = ON",
];

type AnyFn = (...args: never[]) => Promise<unknown>;

/**
 * libsql's local client opens a fresh connection after every interactive
 * transaction (it hands the old one to the transaction), and a fresh
 * connection starts with busy_timeout = 0. So the pragmas are re-applied
 * before the first statement on each new connection, not just once.
 */
export function applyConnectionPragmas(client: Client, pragmas: readonly string[] = CONNECTION_PRAGMAS): Client {
  // One statement at a time: some pragmas return a row, which executeMultiple refuses.
  const execute = client.execute.bind(client);
  let pending = true;
  const ready = async () => {
    if (!pending) return;
    pending = false;
    for (const pragma of pragmas) await execute(pragma);
  };
  const wrap = <K extends "execute" | "batch" | "executeMultiple">(name: K) => {
    const original = (client[name] as unknown as AnyFn).bind(client);
    (client as unknown as Record<K, AnyFn>)[name] = async (...args: never[]) => {
      await ready();
      return original(...args);
    };
  };
  wrap("execute");
  wrap("batch");
  wrap("executeMultiple");
  const transaction = client.transaction.bind(client);
  client.transaction = (async (mode?: TransactionMode) => {
    await ready();
    const tx = await transaction(mode);
    pending = true; // the client will open a new connection for what comes next
    return tx;
  }) as Client["transaction"];
  return client;
}

/** The libsql driver adapter factory, with the pragmas above on every connection. */
export class PrismaLibSqlWithPragmas extends PrismaLibSQL {
  override createClient(config: Config): Client {
    return applyConnectionPragmas(super.createClient(config));
  }
}

export function createLibSqlAdapterFactory(url: string): PrismaLibSqlWithPragmas {
  return new PrismaLibSqlWithPragmas({ url }, { timestampFormat: "iso8601" });
}
