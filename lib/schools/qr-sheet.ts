import { reachOf, type Actor } from "@/lib/auth/access";
import { recordAudit } from "@/lib/db/audit";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parentLinkExpiry, parentLinksFor } from "@/lib/schools/parent-links";
import { listRoster } from "@/lib/schools/pupils";
import { calendarDateInChina } from "@/lib/calendar/working-days";
import { seasonFor } from "@/lib/schools/season";

/**
 * The class QR sheet: one parent link per current pupil of one class (masked names), issued on first
 * print and reused until the season ends. A teacher gets their own class whatever the request asks; a
 * school admin names the class. Each print is audited (the sheet carries keys to pupils' pages).
 */
export type QrSheet = { grade: string; className: string; expiresAt: Date; pupils: { id: string; nameMasked: string; token: string }[] };

export type QrSheetResult = { ok: true; sheet: QrSheet } | { ok: false; code: "no-class" | "no-season" | "not-found" };

export async function qrSheetFor(
  db: PrismaClient,
  actor: Actor,
  input: { grade?: string; className?: string; now: Date },
): Promise<QrSheetResult> {
  const reach = reachOf(actor);
  if (reach.scope !== "class" && reach.scope !== "school") return { ok: false, code: "not-found" };
  const schoolId = reach.schoolId;
  // A teacher's sheet is their class, whatever was asked.
  const grade = reach.scope === "class" ? reach.grade : input.grade;
  const className = reach.scope === "class" ? reach.className : input.className;
  if (!grade || !className) return { ok: false, code: "no-class" };
  const school = await db.school.findUnique({ where: { id: schoolId }, select: { area: { select: { policyPackId: true } } } });
  if (!school) return { ok: false, code: "not-found" };
  // Links last the season the school works to (the area's pack).
  const season = seasonFor(school.area.policyPackId, calendarDateInChina(input.now));
  if (!season) return { ok: false, code: "no-season" };
  const expiresAt = parentLinkExpiry(season);
  const rows = await listRoster(db, schoolId, { grade, className, withNotes: false });
  const tokens = await db.$transaction(async (tx) => {
    const issued = await parentLinksFor(tx, rows.map((r) => r.id), { expiresAt, now: input.now });
    await recordAudit(tx, { actorType: "staff", actorId: actor.id, action: "school.parent-links.print", target: schoolId, reason: `${grade} ${className}: ${rows.length}`, at: input.now });
    return issued;
  });
  return { ok: true, sheet: { grade, className, expiresAt, pupils: rows.map((r) => ({ id: r.id, nameMasked: r.nameMasked, token: tokens.get(r.id)! })) } };
}
