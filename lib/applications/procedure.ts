import Decimal from "decimal.js";
import { type CalendarDate, countCalendarDays, type CountedDate, countWorkingDays } from "@/lib/calendar/working-days";
import { getPack, type Bilingual, type Reliability } from "@/lib/policy";
import type { ApplicationState } from "@/lib/applications/state-machine";

/**
 * Procedure timings for an area's policy pack, falling back to the national framework
 * (national-2021) where the place publishes no value. Every length is a pack parameter with its
 * dates and clause (受理 1 个工作日, "一门受理", 不得拒绝受理: proc-acceptance-days); the national
 * pack must define each one (a test checks), so no number lives here.
 */
const FALLBACK_PACK = "national-2021";

export type Period = { days: number; unit: "working" | "calendar" };

/**
 * A default period staff are offered (the date they type instead is kept), read from a pack: which
 * pack and parameter it comes from, the pack version in force, its reliability and the source clause
 * (`assumed` when no document sets it: shown as 参考值).
 */
export type DefaultPeriod = Period & {
  pack: string;
  packTitle: Bilingual;
  parameter: string;
  label: Bilingual;
  versionFrom: string;
  reliability: Reliability;
  assumed: boolean;
  source: Bilingual;
};

export type ProcedureTimings = {
  acceptance: Period;
  review: Period;
  publicity: Period;
  approval: Period;
  payment: Period;
  /** 临时救助 sizing: monthly 低保 standard (null if unknown), max months, 急难型 minimum months. */
  relief: { dibaoMonthly: string | null; monthsMax: string | null; emergencyMonthsMin: string | null; cap: string | null };
  /** Default 补正 due period; default period for the documents owed after 先行救助. */
  correctionDue: DefaultPeriod;
  emergencyDocumentsDue: DefaultPeriod;
};

type PeriodKey = "acceptance" | "review" | "publicity" | "approval" | "payment";

function period(view: { value: string; unit: string } | null | undefined): Period | null {
  if (!view) return null;
  const days = Number.parseInt(view.value, 10);
  if (!Number.isSafeInteger(days) || days < 1) return null;
  return { days, unit: view.unit === "working-days" ? "working" : "calendar" };
}

/** The place's period for a step, else the national one; the national pack must define it. */
function stepPeriod(place: ReturnType<typeof getPack>, national: NonNullable<ReturnType<typeof getPack>>, key: PeriodKey): Period {
  const own = period(place?.procedure[key]);
  if (own) return own;
  const fallback = period(national.procedure[key]);
  if (!fallback) throw new Error(`policy pack ${national.id}: procedure.${key} has no usable value`);
  return fallback;
}

type DefaultKey = "correctionDue" | "emergencyDocumentsDue";

/** The place's default period, else the national one; the national pack must define it (a test checks). */
function defaultPeriod(place: ReturnType<typeof getPack>, national: NonNullable<ReturnType<typeof getPack>>, key: DefaultKey): DefaultPeriod {
  const pack = place?.procedure[key] ? place : national;
  const view = pack.procedure[key];
  const p = period(view);
  if (!view || !p) throw new Error(`policy pack ${pack.id}: procedure.${key} has no usable value`);
  const param = pack.parameters.find((x) => x.id === view.parameter)!;
  return {
    ...p,
    pack: pack.id,
    packTitle: pack.title,
    parameter: view.parameter,
    label: param.label,
    versionFrom: pack.version.from,
    reliability: view.reliability,
    assumed: view.reliability === "ASSUMED",
    source: { "zh-Hans": param.source["zh-Hans"].clause, "zh-Hant": param.source["zh-Hant"].clause },
  };
}

export function procedureTimings(packId: string | null | undefined): ProcedureTimings {
  const place = packId ? getPack(packId) : null;
  const national = getPack(FALLBACK_PACK)!;
  const relief = place?.temporaryRelief ?? national.temporaryRelief;
  const dibao = relief.dibaoMonthly?.value ?? null;
  const months = relief.monthsMax?.value ?? null;
  return {
    acceptance: stepPeriod(place, national, "acceptance"),
    review: stepPeriod(place, national, "review"),
    publicity: stepPeriod(place, national, "publicity"),
    approval: stepPeriod(place, national, "approval"),
    payment: stepPeriod(place, national, "payment"),
    relief: {
      dibaoMonthly: dibao,
      monthsMax: months,
      emergencyMonthsMin: relief.emergencyMonthsMin?.value ?? null,
      cap: dibao && months ? new Decimal(dibao).times(months).toFixed(2) : null,
    },
    correctionDue: defaultPeriod(place, national, "correctionDue"),
    emergencyDocumentsDue: defaultPeriod(place, national, "emergencyDocumentsDue"),
  };
}

/** The end of a period from `start`, provisional when it runs through a year without a holiday notice. */
export function addPeriod(start: CalendarDate, p: Period): CountedDate {
  return p.unit === "working" ? countWorkingDays(start, p.days) : countCalendarDays(start, p.days);
}

/**
 * The current step's deadline, with what it is counted from (`basis`, e.g. "review:2026-12-24"): two
 * deadlines with the same basis are the same deadline, so a date already told for it is never moved earlier.
 */
export type CurrentDeadline = CountedDate & { basis: string };

const fixed = (basis: string, date: CalendarDate, provisional: boolean | undefined): CurrentDeadline => ({ basis, date, provisional: !!provisional });
const counted = (basis: string, start: CalendarDate, p: Period): CurrentDeadline => ({ basis: `${basis}:${start}`, ...addPeriod(start, p) });

/**
 * The date the current step should be done by: 受理 from submission, 核对/调查 from 受理, the
 * applicant's 补正 date, the end of 公示, 审批 from the end of 公示, 发放 from approval, and the
 * documents owed after 先行救助; with its provisional mark (暂定) when counted through a year without a
 * holiday notice. Null when nothing is pending.
 */
export function currentDeadline(s: ApplicationState, t: ProcedureTimings): CurrentDeadline | null {
  switch (s.status) {
    case "submitted":
      return s.submittedOn ? counted("acceptance", s.submittedOn, t.acceptance) : null;
    case "received":
    case "reviewing":
    case "proposed":
      return s.receivedOn ? counted("review", s.receivedOn, t.review) : null;
    case "correction":
      return s.correction ? fixed(`correction:${s.correction.requestedOn}`, s.correction.dueOn, s.correction.dueProvisional) : null;
    case "publicity":
      return s.publicity ? fixed(`publicity:${s.publicity.startedOn}`, s.publicity.endsOn, s.publicity.endsOnProvisional) : null;
    case "approving":
      return s.publicity?.endedOn ? counted("approval", s.publicity.endedOn, t.approval) : null;
    case "approved":
      return s.decision?.decidedOn ? counted("payment", s.decision.decidedOn, t.payment) : null;
    case "paid":
      return s.emergency?.documentsDueOn && !s.emergency.documentsCompletedOn
        ? fixed(`documents:${s.decision?.decidedOn ?? ""}`, s.emergency.documentsDueOn, s.emergency.documentsDueProvisional)
        : null;
    default:
      return null;
  }
}
