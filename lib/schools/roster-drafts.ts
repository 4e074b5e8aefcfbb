import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";

/**
 * The uploaded file between the wizard's steps (choose header and columns → preview → commit): the
 * parsed sheet, encrypted, for the school and the staff member who uploaded it only.
 */
type Db = PrismaClient | Prisma.TransactionClient;

/** A draft is continued the same working day or uploaded again (it holds pupils' ID numbers). */
export const ROSTER_DRAFT_HOURS = 12;

const sheetSchema = z.array(z.array(z.string()));

export async function saveRosterDraft(db: Db, input: { schoolId: string; staffId: string; fileName: string; rows: string[][] }): Promise<string> {
  const draft = await db.schoolRosterDraft.create({
    data: {
      schoolId: input.schoolId,
      staffId: input.staffId,
      fileName: input.fileName.slice(0, 120),
      sheetEncrypted: encryptField(JSON.stringify(input.rows)),
      rowCount: input.rows.length,
    },
    select: { id: true },
  });
  return draft.id;
}

export type RosterDraft = { id: string; fileName: string; rows: string[][]; createdAt: Date };

/** The draft, if it is this staff member's, at this school, and not too old. */
export async function loadRosterDraft(db: Db, input: { id: string; schoolId: string; staffId: string; now: Date }): Promise<RosterDraft | null> {
  const draft = await db.schoolRosterDraft.findFirst({ where: { id: input.id, schoolId: input.schoolId, staffId: input.staffId } });
  if (!draft) return null;
  if (input.now.getTime() - draft.createdAt.getTime() > ROSTER_DRAFT_HOURS * 3_600_000) return null;
  const rows = sheetSchema.safeParse(JSON.parse(decryptField(draft.sheetEncrypted)));
  return rows.success ? { id: draft.id, fileName: draft.fileName, rows: rows.data, createdAt: draft.createdAt } : null;
}

export async function deleteRosterDraft(db: Db, id: string): Promise<void> {
  await db.schoolRosterDraft.deleteMany({ where: { id } });
}

/** Drafts past their time, removed whenever a new one is saved. */
export async function deleteStaleRosterDrafts(db: Db, now: Date): Promise<void> {
  await db.schoolRosterDraft.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - ROSTER_DRAFT_HOURS * 3_600_000) } } });
}
