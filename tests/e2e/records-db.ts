import { createClient } from "@libsql/client";
import path from "node:path";

// Read-only looks into the e2e database for what a user cannot see on any page but a test must check was
// saved (or deleted, or kept encrypted): rows behind a hand-over, a case's stored reason, the audit trail.

async function query(sql: string, args: (string | number)[]): Promise<Record<string, unknown>[]> {
  const url = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
  const db = createClient({ url: `file:${path.resolve(url.replace(/^file:/, ""))}` });
  try {
    await db.execute("PRAGMA busy_timeout = 5000");
    const result = await db.execute({ sql, args });
    return result.rows.map((r) => ({ ...r }));
  } finally {
    db.close();
  }
}

/** The draft an assisted session started (none once it was handed over and dropped). */
export async function draftsOfDeskSession(sessionId: string): Promise<{ id: string; status: string; citizenId: string | null }[]> {
  const rows = await query("SELECT id, status, citizenId FROM Application WHERE deskSessionId = ?", [sessionId]);
  return rows.map((r) => ({ id: String(r.id), status: String(r.status), citizenId: r.citizenId === null ? null : String(r.citizenId) }));
}

/** A citizen account's applications (its open draft among them: draftOwner set). */
export async function applicationsOfCitizen(citizenId: string): Promise<{ id: string; status: string; openDraft: boolean }[]> {
  const rows = await query("SELECT id, status, draftOwnerId FROM Application WHERE citizenId = ? OR draftOwnerId = ?", [citizenId, citizenId]);
  return rows.map((r) => ({ id: String(r.id), status: String(r.status), openDraft: r.draftOwnerId !== null }));
}

/** A desk session's status ("open", "handed-over", …). */
export async function deskSessionStatus(sessionId: string): Promise<string | null> {
  const rows = await query("SELECT status FROM DeskSession WHERE id = ?", [sessionId]);
  return rows.length ? String(rows[0].status) : null;
}

/** The audit entries about one target (a session, a case), oldest first. */
export async function auditOf(target: string): Promise<{ action: string; actorType: string; actorId: string | null; reason: string | null }[]> {
  const rows = await query("SELECT action, actorType, actorId, reason FROM AuditLog WHERE target = ? ORDER BY id", [target]);
  return rows.map((r) => ({ action: String(r.action), actorType: String(r.actorType), actorId: r.actorId === null ? null : String(r.actorId), reason: r.reason === null ? null : String(r.reason) }));
}

/** A 专班 case as stored: its status and the reopen reason column (ciphertext, when set). */
export async function schoolCaseRow(caseId: string): Promise<{ status: string; reopenedAt: unknown; reopenReasonEncrypted: string | null } | null> {
  const rows = await query("SELECT status, reopenedAt, reopenReasonEncrypted FROM SchoolCase WHERE id = ?", [caseId]);
  if (!rows.length) return null;
  const r = rows[0];
  return { status: String(r.status), reopenedAt: r.reopenedAt, reopenReasonEncrypted: r.reopenReasonEncrypted === null ? null : String(r.reopenReasonEncrypted) };
}
