import {
  type CalendarDate,
  countCalendarDays,
  type CountedDate,
  countWorkingDays,
  knownYears,
  laterOf as later,
} from "@/lib/calendar/working-days";
import { recordAudit } from "@/lib/db/audit";
import { currentDeadline, procedureTimings } from "@/lib/applications/procedure";
import { dispatchNotifications, dueParams, packIdFor, readState, type ServiceContext } from "@/lib/applications/service";
import type { ApplicationState, DueCount } from "@/lib/applications/state-machine";
import { fromDbStatus } from "@/lib/applications/status";

/**
 * Recount provisional (暂定) deadlines once the holiday notice of their year is known.
 *
 * A deadline counted through a year without a State Council holiday notice is stored with a mark
 * (Application.currentDueProvisional, and `…Provisional` in the stored state). When the calendar learns
 * that year (a chinese-days update or an entry in lib/calendar/holiday-notices.json), every open marked
 * deadline is counted again from the same start with the same length. A date already told to the
 * applicant is never moved earlier: the later of the old and the new date is kept. Each change is an
 * event on the application's timeline, an audit row and a message to the applicant.
 *
 * Idempotent: a deadline whose year is still unknown recounts to the same date and is left alone, so
 * this runs at every server start (instrumentation.ts) and by `npm run calendar:recount`.
 */

const recount = (c: DueCount): CountedDate => (c.unit === "working" ? countWorkingDays(c.from, c.days) : countCalendarDays(c.from, c.days));

/**
 * The state with its open provisional due dates recounted, never earlier than before (`keepLater: false`
 * gives the bare recount, to report what the notice alone would have said). Pure.
 */
export function recountState(s: ApplicationState, { keepLater = true } = {}): ApplicationState {
  const laterOf = keepLater ? later : (_told: CalendarDate, counted: CalendarDate) => counted;
  let next = s;
  const c = s.correction;
  if (c?.dueProvisional && c.dueCount) {
    const r = recount(c.dueCount);
    next = { ...next, correction: { ...c, dueOn: laterOf(c.dueOn, r.date), dueProvisional: r.provisional } };
    if (!r.provisional) delete next.correction!.dueProvisional;
  }
  const p = s.publicity;
  if (p?.endsOnProvisional && p.endedOn === null) {
    const r = recount({ from: p.startedOn, days: p.days, unit: p.dayUnit });
    next = { ...next, publicity: { ...p, endsOn: laterOf(p.endsOn, r.date), endsOnProvisional: r.provisional } };
    if (!r.provisional) delete next.publicity!.endsOnProvisional;
  }
  const e = s.emergency;
  if (e?.documentsDueProvisional && e.documentsDueCount && e.documentsDueOn && !e.documentsCompletedOn) {
    const r = recount(e.documentsDueCount);
    next = { ...next, emergency: { ...e, documentsDueOn: laterOf(e.documentsDueOn, r.date), documentsDueProvisional: r.provisional } };
    if (!r.provisional) delete next.emergency!.documentsDueProvisional;
  }
  return next;
}

export type RecountChange = {
  reference: string;
  /** The date told before, and the date now. */
  from: CalendarDate | null;
  to: CalendarDate | null;
  /** What the new count alone gave (earlier than `to` when the later, old date was kept). */
  counted: CalendarDate | null;
  provisional: boolean;
};

export type RecountReport = { checked: number; changed: RecountChange[]; knownTo: number };

/** Recount every open provisional deadline (see the module comment). Safe to run any number of times. */
export async function recountProvisionalDeadlines(ctx: ServiceContext): Promise<RecountReport> {
  const { db } = ctx;
  const at = ctx.now ? ctx.now() : new Date();
  const knownTo = knownYears()[knownYears().length - 1];
  const candidates = await db.application.findMany({ where: { currentDueProvisional: true }, select: { id: true } });
  const changed: RecountChange[] = [];
  for (const { id } of candidates) {
    const change = await db.$transaction(async (tx): Promise<RecountChange | null> => {
      const row = await tx.application.findUnique({ where: { id } });
      if (!row || !row.currentDueProvisional || !row.reference) return null;
      const state = readState(row);
      const next = recountState(state);
      const timings = procedureTimings(await packIdFor(tx, row.areaCode));
      const due = currentDeadline(next, timings);
      const counted = currentDeadline(recountState(state, { keepLater: false }), timings);
      const told = (row.currentDueOn as CalendarDate | null) ?? null;
      const dueOn = due ? (told ? later(told, due.date) : due.date) : null;
      const provisional = due?.provisional ?? false;
      const stateJson = JSON.stringify(next);
      // Still provisional and nothing new learnt: leave it (and write nothing).
      if (dueOn === told && provisional && stateJson === JSON.stringify(state)) return null;
      const updated = await tx.application.updateMany({
        where: { id: row.id, updatedAt: row.updatedAt },
        data: { stateJson, currentDueOn: dueOn, currentDueProvisional: provisional },
      });
      if (updated.count !== 1) return null; // moved by someone meanwhile; its action counted the deadline afresh
      const details = { previousDueOn: told, dueOn, countedDueOn: counted?.date ?? null, provisional, knownTo };
      await tx.applicationEvent.create({
        data: {
          applicationId: row.id,
          status: row.status,
          fromStatus: row.status,
          action: "recount-deadline",
          actorRole: "system",
          actorId: null,
          at,
          detailsJson: JSON.stringify(details),
        },
      });
      await recordAudit(tx, {
        actorType: "system",
        action: "application.recount-deadline",
        target: row.reference,
        reason: `${told ?? "-"} → ${dueOn ?? "-"}${provisional ? " (provisional)" : ""}`,
        at,
      });
      // An applicant without an account (helped at a desk) follows the case by tracking code, not SMS.
      if (row.citizenId) await tx.notification.create({
        data: {
          citizenId: row.citizenId,
          applicationId: row.id,
          kind: "deadline-recounted",
          paramsJson: JSON.stringify({
            reference: row.reference,
            status: fromDbStatus(row.status),
            ...dueParams(dueOn ? { date: dueOn, provisional } : null),
          }),
          createdAt: at,
        },
      });
      return { reference: row.reference, from: told, to: dueOn, counted: counted?.date ?? null, provisional };
    });
    if (change) changed.push(change);
  }
  if (changed.length) await dispatchNotifications(ctx);
  return { checked: candidates.length, changed, knownTo };
}

/** For start-up and the npm script: recount, log what changed, never throw (a failure leaves the marks for next time). */
export async function recountAndLog(ctx: ServiceContext, log: Pick<Console, "log" | "error"> = console): Promise<RecountReport | null> {
  try {
    const report = await recountProvisionalDeadlines(ctx);
    log.log(
      `[yizhan] provisional deadlines: ${report.checked} open, ${report.changed.length} recounted (holiday notices known to ${report.knownTo})` +
        report.changed.map((c) => `\n  ${c.reference}: ${c.from ?? "-"} → ${c.to ?? "-"}${c.provisional ? " (still provisional)" : ""}`).join(""),
    );
    return report;
  } catch (e) {
    log.error("[yizhan] recounting provisional deadlines failed; they stay marked 暂定:", e);
    return null;
  }
}
