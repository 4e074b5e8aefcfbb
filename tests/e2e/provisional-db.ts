import { createClient } from "@libsql/client";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { formatReference } from "@/lib/applications/reference";

// A fresh copy of a seeded demo application (same applicant, same encrypted data, same state), so a spec
// can move it through the workflow without changing the demo rows other specs may look at.

function client() {
  const url = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
  return createClient({ url: `file:${path.resolve(url.replace(/^file:/, ""))}` });
}

/**
 * Copies the seeded application with this reference prefix (e.g. "LZ2026-000003"), with `patch` applied to its
 * stored state (to set a date as if it had happened then); returns the copy's id and reference.
 */
export async function copySeededApplication(
  referencePrefix: string,
  patch: Record<string, unknown> = {},
): Promise<{ id: string; reference: string }> {
  const db = client();
  try {
    await db.execute("PRAGMA busy_timeout = 5000");
    const source = await db.execute({ sql: "SELECT * FROM Application WHERE reference LIKE ?", args: [`${referencePrefix}-%`] });
    const row = source.rows[0];
    if (!row) throw new Error(`no seeded application ${referencePrefix}`);
    let reference: string;
    do {
      reference = formatReference({ areaCode: String(row.areaCode), year: 2026, sequence: 900_000 + Math.floor(Math.random() * 99_999) });
    } while (reference.endsWith("*"));
    const id = `e2e${randomUUID().replace(/-/g, "").slice(0, 22)}`;
    await db.execute({
      sql: `INSERT INTO Application (id, reference, kind, status, areaCode, citizenId, reliefType, applicantName, dataEncrypted, stateJson,
              submittedAt, currentDueOn, currentDueProvisional, createdAt, updatedAt)
            SELECT ?, ?, kind, status, areaCode, citizenId, reliefType, applicantName, dataEncrypted, ?,
              submittedAt, currentDueOn, currentDueProvisional, createdAt, updatedAt FROM Application WHERE id = ?`,
      args: [id, reference, JSON.stringify({ ...JSON.parse(String(row.stateJson)), ...patch }), String(row.id)],
    });
    return { id, reference };
  } finally {
    db.close();
  }
}
