import { getPackDef, compiledOn, scalar } from "@/lib/policy/registry";
import { addCalendarDays, workingDayStatus, type CalendarDate } from "@/lib/calendar/working-days";

/**
 * The 集中参保期 (enrolment season) an area's schools work to, from its policy pack
 * (`enrolmentSeason`): every date and length is a dated, cited pack parameter, none is written here.
 * The autumn season enrols for the next calendar year of cover.
 */
export type EnrolmentSeason = {
  packId: string;
  /** The calendar year of cover this season enrols for. */
  coverYear: number;
  opens: CalendarDate;
  closes: CalendarDate;
  /** Last day a late payment is still accepted (cover from the payment date), if the pack says. */
  latePaymentUntil: CalendarDate | null;
  /** The day the school hands in its lists: N working days before the season closes, if the pack says. */
  schoolListDue: CalendarDate | null;
  /** Whether a day of that count fell in a year without a published holiday notice (then it may move). */
  schoolListDueProvisional: boolean;
  waitingFixedMonths: number | null;
  waitingMonthsPerLapsedYear: number | null;
  rewardAfterContinuousYears: number | null;
  /** Yuan a year (decimal string), as the pack states it. */
  rewardCriticalCapRise: string | null;
  /** Parameter ids used, for "where does this come from" links. */
  parameterIds: string[];
};

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The season that matters on `today`: the one that opens this autumn once it has opened (or is still to
 * come this year), i.e. before the opening date it is the coming season, after it the running one.
 * Null when the area's pack states no season.
 */
export function seasonFor(packId: string, today: CalendarDate): EnrolmentSeason | null {
  const def = getPackDef(packId);
  const refs = def.enrolmentSeason;
  if (!refs) return null;
  const cp = compiledOn(packId, today);
  if (!cp) return null;
  const num = (id: string | undefined) => (id ? scalar(cp, id).toNumber() : null);
  const year = Number(today.slice(0, 4));
  const opensMonth = num(refs.opensMonth)!;
  const opensDay = num(refs.opensDay)!;
  const closesMonth = num(refs.closesMonth)!;
  const closesDay = num(refs.closesDay)!;
  const lateMonth = num(refs.latePaymentUntilMonth);
  const datesOf = (seasonYear: number) => {
    const coverYear = seasonYear + 1;
    return {
      coverYear,
      opens: `${seasonYear}-${pad(opensMonth)}-${pad(opensDay)}` as CalendarDate,
      closes: `${seasonYear}-${pad(closesMonth)}-${pad(Math.min(closesDay, lastDayOfMonth(seasonYear, closesMonth)))}` as CalendarDate,
      latePaymentUntil: lateMonth ? (`${coverYear}-${pad(lateMonth)}-${pad(lastDayOfMonth(coverYear, lateMonth))}` as CalendarDate) : null,
    };
  };
  // This autumn's season until it closes; in the new year, last autumn's while its late payment runs.
  let dates = datesOf(today > datesOf(year).closes ? year + 1 : year);
  const previous = datesOf(year - 1);
  if (today < dates.opens && previous.latePaymentUntil && today <= previous.latePaymentUntil) dates = previous;
  const { coverYear, opens, closes, latePaymentUntil } = dates;

  const dueDays = num(refs.schoolListDueWorkingDays);
  let schoolListDue: CalendarDate | null = null;
  let provisional = false;
  if (dueDays !== null) {
    let day = closes;
    for (let counted = 0; counted < dueDays; ) {
      day = addCalendarDays(day, -1);
      const status = workingDayStatus(day);
      if (status.provisional) provisional = true;
      if (status.working) counted++;
    }
    schoolListDue = day;
  }
  const cap = refs.rewardCriticalCapRise ? scalar(cp, refs.rewardCriticalCapRise).toFixed() : null;
  return {
    packId,
    coverYear,
    opens,
    closes,
    latePaymentUntil,
    schoolListDue,
    schoolListDueProvisional: provisional,
    waitingFixedMonths: num(refs.waitingFixedMonths),
    waitingMonthsPerLapsedYear: num(refs.waitingMonthsPerLapsedYear),
    rewardAfterContinuousYears: num(refs.rewardAfterContinuousYears),
    rewardCriticalCapRise: cap,
    parameterIds: Object.values(refs).filter((v): v is string => Boolean(v)),
  };
}

/** Whole calendar days from `today` to the season's last day (0 on the last day, negative once closed). */
export function daysLeft(season: EnrolmentSeason, today: CalendarDate): number {
  return Math.round((Date.parse(`${season.closes}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export type SeasonPhase = "before" | "open" | "late-payment" | "closed";

export function seasonPhase(season: EnrolmentSeason, today: CalendarDate): SeasonPhase {
  if (today < season.opens) return "before";
  if (today <= season.closes) return "open";
  if (season.latePaymentUntil && today <= season.latePaymentUntil) return "late-payment";
  return "closed";
}
