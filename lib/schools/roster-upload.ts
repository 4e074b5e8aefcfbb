import type { SchoolContext } from "@/lib/schools/school-context";
import { ROSTER_MAX_BYTES } from "@/lib/schools/roster-limits";
import { readRosterFile, type RosterFileError } from "@/lib/schools/roster-file";
import { deleteStaleRosterDrafts, saveRosterDraft } from "@/lib/schools/roster-drafts";

/** Step 1 of the import wizard: read and check the file, keep it as an encrypted draft. Nothing else is written. */
export async function uploadRoster(
  ctx: Pick<SchoolContext, "db" | "schoolId" | "now">,
  input: { staffId: string; fileName: string; bytes: Uint8Array },
): Promise<{ ok: true; draftId: string } | { ok: false; error: RosterFileError }> {
  if (input.bytes.byteLength > ROSTER_MAX_BYTES) return { ok: false, error: "too-large" };
  const file = await readRosterFile(input.bytes, input.fileName);
  if (!file.ok) return file;
  await deleteStaleRosterDrafts(ctx.db, ctx.now);
  const draftId = await saveRosterDraft(ctx.db, { schoolId: ctx.schoolId, staffId: input.staffId, fileName: input.fileName, rows: file.sheet.rows });
  return { ok: true, draftId };
}
