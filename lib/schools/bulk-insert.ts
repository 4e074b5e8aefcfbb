import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Many rows in one INSERT … VALUES statement per chunk. Prisma's `createMany` through the libsql
 * adapter took 2–4 s for 5,000 rows here (issue 16's bar is 3 s for the whole import); one statement
 * per 400 rows takes about 0.3 s. Table and column names are constants of the callers, never input;
 * values are bound parameters. Values are stored as Prisma stores them on SQLite (dates as ISO text
 * with "+00:00", booleans as 0/1), so Prisma reads the rows back unchanged.
 */
type Db = PrismaClient | Prisma.TransactionClient;
type Value = string | number | boolean | Date | null;

const ROWS_PER_STATEMENT = 400;

function bound(value: Value): string | number | null {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

export function newRowId(): string {
  return randomUUID();
}

export async function insertRows(db: Db, table: "Person" | "PersonArea" | "SchoolPupil" | "AuditLog", columns: readonly string[], rows: Value[][]): Promise<void> {
  const placeholders = `(${columns.map(() => "?").join(",")})`;
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES `;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    await db.$executeRawUnsafe(head + chunk.map(() => placeholders).join(","), ...chunk.flatMap((row) => row.map(bound)));
  }
}

/** Rows whose `column` is one of `values`, read in chunks with one raw SELECT each (same reason as above). */
export async function selectWhereIn<Row>(db: Db, select: string, column: string, values: readonly string[]): Promise<Row[]> {
  const out: Row[] = [];
  for (let i = 0; i < values.length; i += ROWS_PER_STATEMENT * 2) {
    const chunk = values.slice(i, i + ROWS_PER_STATEMENT * 2);
    out.push(...(await db.$queryRawUnsafe<Row[]>(`${select} WHERE "${column}" IN (${chunk.map(() => "?").join(",")})`, ...chunk)));
  }
  return out;
}
