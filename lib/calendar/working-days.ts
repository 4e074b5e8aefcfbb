import chineseDays from "chinese-days/dist/chinese-days.json";
import { z } from "zod";
import { chinaDateOf } from "@/lib/calendar/china-date";
import noticesFile from "@/lib/calendar/holiday-notices.json";
import { FIRST_STATUTORY_YEAR, statutoryHolidays } from "@/lib/calendar/statutory-holidays";

/**
 * Chinese working days (工作日) with 调休, for statutory deadlines.
 *
 * Dates are calendar dates in China (Asia/Shanghai), written "YYYY-MM-DD". They carry no time
 * and no zone: arithmetic on them is done on day numbers, so the host's TZ never matters. Turn an
 * instant into a China date with `calendarDateInChina` (China has kept UTC+8 without daylight
 * saving since 1991, so a fixed offset is exact).
 *
 * Holiday data: chinese-days' own table (dist/chinese-days.json, built from the 国务院办公厅
 * 部分节假日安排 notices). We read the table rather than call `isWorkday()` because the package
 * does its date arithmetic in the host's local time (it parses "YYYY-MM-DD" as UTC midnight, reads
 * it back with local getters, and builds its tables the same way), so in a process west of UTC it
 * answers for the wrong day: under TZ=America/Los_Angeles `isWorkday(new Date(2026, 1, 14))`, the
 * 春节 补班 Saturday, is false and `getDayDetail("2026-02-14").date` is "2026-02-13". The
 * classification rule is the package's own: a 调休 makeup day is a working day; otherwise
 * Monday–Friday unless it is a holiday. A unit test checks every day of every known year against
 * the package's API run in a Beijing-zoned process.
 *
 * The package calls every weekday of a year it has no notice for a working day (2027-01-01
 * included). We never take that guess. Two ways to count, for two kinds of caller:
 *  - strict (`isWorkingDay`, `addWorkingDays`, `workingDaysBetween`, `calendarDayDeadline`): a date
 *    outside `knownYears()` throws `CalendarYearUnknownError`;
 *  - provisional (`countWorkingDays`, `countCalendarDays`, `workingDayStatus`): in a year without a
 *    notice, weekends and the statutory days off that the law itself fixes (statutory-holidays.ts:
 *    全国年节及纪念日放假办法) are rest days, nothing else is guessed (no 补假, no 调休 working day), and
 *    the answer says it is provisional. Deadlines are counted this way and stored with that mark, so
 *    work never stops for a notice not yet published; lib/applications/recount.ts recounts them when
 *    it arrives.
 * When the State Council publishes the next year's notice (usually Nov–Dec), update chinese-days;
 * until a release carries it, enter the notice in holiday-notices.json (its document number, the
 * days off and the 调休 working days). A notice there replaces the package's data for its year.
 *
 * Counting convention (行政许可法 第八十二条: 期限以工作日计算，不含法定节假日; 民法典 第二百零一条:
 * 开始的当日不计入，自下一日开始计算): the start day never counts. `addWorkingDays(d, n)` is the
 * n-th working day strictly after d, whether or not d itself is a working day.
 */

/** A calendar date in China, "YYYY-MM-DD". Validate untrusted strings with `toCalendarDate`. */
export type CalendarDate = `${number}-${number}-${number}`;

export class CalendarYearUnknownError extends Error {
  readonly code = "calendar-year-unknown" as const;
  constructor(
    readonly date: CalendarDate,
    readonly year: number,
    readonly knownFrom: number,
    readonly knownTo: number,
  ) {
    super(
      `No Chinese holiday data for ${year} (date ${date}); chinese-days knows ${knownFrom}–${knownTo}. ` +
        `Update chinese-days once the State Council publishes that year's holiday notice.`,
    );
    this.name = "CalendarYearUnknownError";
  }
}

export class InvalidCalendarDateError extends Error {
  readonly code = "invalid-calendar-date" as const;
  constructor(readonly input: unknown) {
    super(`Not a calendar date "YYYY-MM-DD": ${JSON.stringify(input)}`);
    this.name = "InvalidCalendarDateError";
  }
}

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

type DayTable = Readonly<Record<string, string>>;

const isoDate = z.string().refine((v) => dayNumberOf(v) !== null, { error: "not a calendar date YYYY-MM-DD" });

/** One 国务院办公厅 部分节假日安排 notice, as entered in holiday-notices.json. */
const noticeSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    /** e.g. 国办发明电〔2025〕7号 */
    document: z.string().min(1),
    url: z.url().optional(),
    published: isoDate,
    /** Days off, with the holiday's name. */
    holidays: z.record(isoDate, z.string().min(1)),
    /** 调休 makeup days: weekend days that are working days. */
    workdays: z.record(isoDate, z.string().min(1)),
  })
  .superRefine((n, ctx) => {
    // A notice speaks of its own year; 元旦 may start in the last days of the year before.
    const inRange = (d: string) => d >= `${n.year - 1}-12-01` && d <= `${n.year}-12-31`;
    for (const d of [...Object.keys(n.holidays), ...Object.keys(n.workdays)]) {
      if (!inRange(d)) ctx.addIssue({ code: "custom", message: `${d} is outside the ${n.year} notice` });
    }
    for (const d of Object.keys(n.workdays)) {
      const wd = weekdayOf(dayNumberOf(d) ?? 0);
      if (wd !== 0 && wd !== 6) ctx.addIssue({ code: "custom", message: `${d}: a 调休 working day is a Saturday or Sunday` });
      if (n.holidays[d]) ctx.addIssue({ code: "custom", message: `${d} is both a day off and a working day` });
    }
    if (!Object.keys(n.holidays).some((d) => d.startsWith(`${n.year}-`))) {
      ctx.addIssue({ code: "custom", message: `the ${n.year} notice lists no day off in ${n.year}` });
    }
  });

export type HolidayNotice = z.infer<typeof noticeSchema>;

export const holidayNoticesSchema = z
  .strictObject({ notices: z.array(noticeSchema) })
  .refine((f) => new Set(f.notices.map((n) => n.year)).size === f.notices.length, { error: "one notice per year" });

type Tables = { holidays: DayTable; workdays: DayTable; years: readonly number[]; known: ReadonlySet<number> };

/** chinese-days' tables with the given notices laid over them (a notice's year is entirely its own). */
function buildTables(notices: readonly HolidayNotice[]): Tables {
  const overridden = new Set(notices.map((n) => n.year));
  const keep = (table: DayTable) =>
    Object.fromEntries(Object.entries(table).filter(([d]) => !overridden.has(Number(d.slice(0, 4)))));
  const holidays: Record<string, string> = keep(chineseDays.holidays);
  const workdays: Record<string, string> = keep(chineseDays.workdays);
  for (const n of notices) {
    Object.assign(holidays, n.holidays);
    Object.assign(workdays, n.workdays);
  }
  const years = [...new Set([...Object.keys(chineseDays.holidays).map((d) => Number(d.slice(0, 4))), ...overridden])].sort(
    (a, b) => a - b,
  );
  return { holidays, workdays, years: Object.freeze(years), known: new Set(years) };
}

let tables = buildTables(holidayNoticesSchema.parse(noticesFile).notices);

/**
 * Replace the notices laid over chinese-days (tests; a deployment edits holiday-notices.json instead).
 * Returns the notices' years. Throws a ZodError naming the problem when a notice is malformed.
 */
export function useHolidayNotices(file: unknown): readonly number[] {
  const { notices } = holidayNoticesSchema.parse(file);
  tables = buildTables(notices);
  return notices.map((n) => n.year);
}

/** Years with a published holiday notice (chinese-days or holiday-notices.json), ascending. */
export function knownYears(): readonly number[] {
  return tables.years;
}

export function isKnownYear(year: number): boolean {
  return tables.known.has(year);
}


/** Day number since 1970-01-01, or null when the string is not a real date. */
function dayNumberOf(text: string): number | null {
  const m = DATE_PATTERN.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC maps years 0–99 to 1900–1999 and rolls 02-30 over to March: reject both.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / MS_PER_DAY;
}

function fromDayNumber(n: number): CalendarDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10) as CalendarDate;
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === "string" && dayNumberOf(value) !== null;
}

/** Validates an untrusted "YYYY-MM-DD" string; throws `InvalidCalendarDateError`. */
export function toCalendarDate(value: unknown): CalendarDate {
  if (!isCalendarDate(value)) throw new InvalidCalendarDateError(value);
  return value;
}

/** The calendar date in China at a given instant. */
export function calendarDateInChina(instant: Date): CalendarDate {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new InvalidCalendarDateError(instant);
  return chinaDateOf(instant);
}

/** Plain calendar arithmetic (no holiday rule, no year guard). */
export function addCalendarDays(date: CalendarDate, n: number): CalendarDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`addCalendarDays: n must be an integer, got ${n}`);
  return fromDayNumber(requireDayNumber(date) + n);
}

function requireDayNumber(date: CalendarDate): number {
  const n = dayNumberOf(date);
  if (n === null) throw new InvalidCalendarDateError(date);
  return n;
}

function guardYear(date: CalendarDate): void {
  const year = Number(date.slice(0, 4));
  if (!tables.known.has(year)) {
    throw new CalendarYearUnknownError(date, year, tables.years[0], tables.years[tables.years.length - 1]);
  }
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Whether a day is worked, and whether that answer is provisional (its year has no notice). */
export type DayStatus = { working: boolean; provisional: boolean };

/** A date counted over the holiday calendar; provisional when the count ran through a year without a notice. */
export type CountedDate = { date: CalendarDate; provisional: boolean };

function dayStatusOf(dayNumber: number, strict: boolean): DayStatus {
  const date = fromDayNumber(dayNumber);
  const year = Number(date.slice(0, 4));
  const wd = weekdayOf(dayNumber);
  const weekday = wd >= 1 && wd <= 5;
  if (tables.known.has(year)) {
    return { working: !!tables.workdays[date] || (weekday && !tables.holidays[date]), provisional: false };
  }
  // No notice: strict callers refuse; provisional ones get the law's own days off, and no rule at all before the data starts.
  if (strict || year < FIRST_STATUTORY_YEAR) guardYear(date);
  return { working: weekday && !statutoryHolidays(year).has(date), provisional: true };
}

function isWorkingDayNumber(dayNumber: number): boolean {
  return dayStatusOf(dayNumber, true).working;
}

/** Whether offices work on this date (weekday not a holiday, or a 调休 makeup day). Strict: throws for a year without a notice. */
export function isWorkingDay(date: CalendarDate): boolean {
  return isWorkingDayNumber(requireDayNumber(date));
}

/** Whether offices work on this date; in a year without a notice, provisionally by the statutory rule. */
export function workingDayStatus(date: CalendarDate): DayStatus {
  return dayStatusOf(requireDayNumber(date), false);
}

function countWorking(start: CalendarDate, n: number, strict: boolean): CountedDate {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`addWorkingDays: n must be a non-negative integer, got ${n}`);
  }
  let day = requireDayNumber(start);
  if (strict) guardYear(start);
  let provisional = false;
  let left = n;
  while (left > 0) {
    day += 1;
    const status = dayStatusOf(day, strict);
    provisional ||= status.provisional;
    if (status.working) left -= 1;
  }
  return { date: fromDayNumber(day), provisional };
}

function countCalendar(start: CalendarDate, n: number, strict: boolean): CountedDate {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`calendarDayDeadline: n must be a positive integer, got ${n}`);
  }
  if (strict) guardYear(start);
  let day = requireDayNumber(start) + n;
  let status = dayStatusOf(day, strict);
  let provisional = status.provisional;
  while (!status.working) {
    day += 1;
    status = dayStatusOf(day, strict);
    provisional ||= status.provisional;
  }
  return { date: fromDayNumber(day), provisional };
}

/**
 * The n-th working day after `start` (the start day never counts). `n = 0` returns `start`
 * unchanged. Strict: throws `CalendarYearUnknownError` if the count starts in or runs into an unknown year.
 */
export function addWorkingDays(start: CalendarDate, n: number): CalendarDate {
  return countWorking(start, n, true).date;
}

/**
 * The n-th working day after `start`, as `addWorkingDays`, but never refused for a year without a notice:
 * there it counts provisionally and says so.
 */
export function countWorkingDays(start: CalendarDate, n: number): CountedDate {
  return countWorking(start, n, false);
}

/**
 * Working days d with a < d ≤ b: how many working days have elapsed from a to b, in the same
 * counting as `addWorkingDays` (so `workingDaysBetween(s, addWorkingDays(s, n)) === n`).
 * Negative when b is before a (e.g. "overdue by 2 working days" reads as −2 from today to the deadline).
 */
export function workingDaysBetween(a: CalendarDate, b: CalendarDate): number {
  const from = requireDayNumber(a);
  const to = requireDayNumber(b);
  guardYear(a);
  guardYear(b);
  if (to < from) return -workingDaysBetween(b, a);
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (isWorkingDayNumber(day)) count += 1;
  return count;
}

/**
 * Last day of a period counted in calendar days ("公示 7 天"): the n-th day after `start`; if that
 * day is not a working day, the period runs to the next working day (民法典 第二百零三条: 期间的最后一日
 * 是法定休假日的，以法定休假日结束的次日为期间的最后一日). Strict.
 */
export function calendarDayDeadline(start: CalendarDate, n: number): CalendarDate {
  return countCalendar(start, n, true).date;
}

/** As `calendarDayDeadline`, counting provisionally in a year without a notice, and saying so. */
export function countCalendarDays(start: CalendarDate, n: number): CountedDate {
  return countCalendar(start, n, false);
}

/** The later of two dates: a date already told to someone is never moved earlier. */
export function laterOf(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}
