import { z } from "zod";
import type { StaffSessionUser } from "@/lib/auth/roles";
import { type CalendarDate, calendarDateInChina, countWorkingDays } from "@/lib/calendar/working-days";
import { maskPhone } from "@/lib/crypto/mask";
import { recordAudit } from "@/lib/db/audit";
import { validateIdNumber } from "@/lib/identity/id-number";
import { parseReference } from "@/lib/applications/reference";
import { caseActor, decryptData, mayAccessApplication, type ServiceContext } from "@/lib/applications/service";

/**
 * The desk's own queue: a walk-in asking about an application (found by reference + the applicant's
 * ID number, in the desk's area only), and applicants whose 补正 falls due soon (to call them).
 */

/** 补正 due within this many working days shows in the desk's call list: a week's notice at a window that calls daily. */
export const CORRECTION_DUE_SOON_WORKING_DAYS = 5;

export const walkInSchema = z.object({
  reference: z
    .string()
    .max(64)
    .transform((v, ctx) => {
      const parsed = parseReference(v);
      if (!parsed) {
        ctx.addIssue({ code: "custom", message: "reference" });
        return z.NEVER;
      }
      return parsed.reference;
    }),
  idNumber: z
    .string()
    .max(40)
    .transform((v, ctx) => {
      const r = validateIdNumber(v);
      if (!r.ok) {
        ctx.addIssue({ code: "custom", message: `id-number-${r.reason}` });
        return z.NEVER;
      }
      return r.value;
    }),
});

/**
 * The application a walk-in asks about: its reference and the applicant's (or patient's) ID number must
 * match, and it must be in the desk's area; otherwise null (the same answer for all three). Audited.
 */
export async function findForWalkIn(ctx: ServiceContext, user: StaffSessionUser, input: z.output<typeof walkInSchema>): Promise<string | null> {
  const actor = caseActor(user);
  const at = ctx.now ? ctx.now() : new Date();
  const row = actor ? await ctx.db.application.findUnique({ where: { reference: input.reference } }) : null;
  let found: string | null = null;
  if (actor && row && row.status !== "draft" && mayAccessApplication(actor, row)) {
    const data = decryptData(row.dataEncrypted);
    if (data.applicant?.idNumber === input.idNumber || data.patient?.idNumber === input.idNumber) found = row.id;
  }
  await recordAudit(ctx.db, { actorType: "staff", actorId: user.id, action: found ? "desk.walk-in.found" : "desk.walk-in.not-found", target: input.reference, at });
  return found;
}

export type DueSoon = { id: string; reference: string; dueOn: CalendarDate; phoneMasked: string | null; overdue: boolean };

/** The area's open 补正 requests due within CORRECTION_DUE_SOON_WORKING_DAYS (overdue ones first), phone masked. */
export async function correctionsDueSoon(ctx: ServiceContext, user: StaffSessionUser): Promise<DueSoon[]> {
  if (user.role !== "desk" || !user.areaCode) return [];
  const today = calendarDateInChina(ctx.now ? ctx.now() : new Date());
  const until = countWorkingDays(today, CORRECTION_DUE_SOON_WORKING_DAYS).date;
  const rows = await ctx.db.application.findMany({
    where: { areaCode: user.areaCode, status: "correction", currentDueOn: { lte: until } },
    orderBy: { currentDueOn: "asc" },
    take: 50,
  });
  return rows.map((r) => {
    const phone = decryptData(r.dataEncrypted).applicant?.phone;
    return { id: r.id, reference: r.reference!, dueOn: r.currentDueOn as CalendarDate, phoneMasked: phone ? maskPhone(phone) : null, overdue: (r.currentDueOn as string) < today };
  });
}
