import { afterEach, describe, expect, test } from "vitest";
import {
  addWorkingDays,
  CalendarYearUnknownError,
  isWorkingDay,
  knownYears,
  useHolidayNotices,
  workingDaysBetween,
} from "@/lib/calendar/working-days";
import shipped from "@/lib/calendar/holiday-notices.json";

/**
 * A year's holiday notice can be entered in lib/calendar/holiday-notices.json before a chinese-days release
 * carries it. The 2027 notice below is a TEST FIXTURE with made-up days (the real notice is not in this
 * repository); only its shape is real.
 */
const FICTIONAL_2027 = {
  year: 2027,
  document: "国办发明电〔2026〕0号（测试用，虚构）",
  published: "2026-11-01",
  holidays: { "2027-01-01": "元旦", "2027-02-08": "春节", "2027-02-09": "春节" },
  workdays: { "2027-02-13": "春节" }, // a Saturday
};

afterEach(() => {
  useHolidayNotices(shipped);
});

describe("holiday notices entered as data", () => {
  test("the shipped file is valid", () => {
    expect(() => useHolidayNotices(shipped)).not.toThrow();
  });

  test("without a 2027 notice, a deadline running into 2027 is refused rather than guessed", () => {
    useHolidayNotices({ notices: [] });
    expect(() => addWorkingDays("2026-12-28", 7)).toThrow(CalendarYearUnknownError);
  });

  test("with it, 2027 is known and the count skips its days off and counts its 调休 Saturday", () => {
    expect(useHolidayNotices({ notices: [FICTIONAL_2027] })).toEqual([2027]);
    expect(knownYears().at(-1)).toBe(2027);
    // Mon 2026-12-28 → Tue 29, Wed 30, Thu 31, (Fri 2027-01-01 off), Mon 4, Tue 5, Wed 6, Thu 7.
    expect(addWorkingDays("2026-12-28", 7)).toBe("2027-01-07");
    expect(isWorkingDay("2027-02-08")).toBe(false);
    expect(isWorkingDay("2027-02-13")).toBe(true);
    expect(isWorkingDay("2027-02-14")).toBe(false); // an ordinary Sunday
    // Mon 2027-02-08 and Tue 09 off; Wed 10, Thu 11, Fri 12 and the 调休 Sat 13 count.
    expect(workingDaysBetween("2027-02-07", "2027-02-14")).toBe(4);
  });

  test("a notice replaces chinese-days' data for its year", () => {
    expect(isWorkingDay("2026-02-16")).toBe(false); // 春节 in chinese-days' 2026 data
    useHolidayNotices({ notices: [{ ...FICTIONAL_2027, year: 2026, holidays: { "2026-01-01": "元旦" }, workdays: {} }] });
    expect(isWorkingDay("2026-02-16")).toBe(true);
    expect(isWorkingDay("2026-02-14")).toBe(false); // chinese-days' 调休 Saturday is gone with the rest
    expect(isWorkingDay("2025-10-08")).toBe(false); // other years untouched
  });

  test.each<[string, unknown, RegExp]>([
    ["a 调休 working day on a weekday", { ...FICTIONAL_2027, workdays: { "2027-02-10": "春节" } }, /Saturday or Sunday/],
    ["a day both off and worked", { ...FICTIONAL_2027, workdays: { "2027-02-13": "春节" }, holidays: { ...FICTIONAL_2027.holidays, "2027-02-13": "春节" } }, /both/],
    ["a date outside the notice's year", { ...FICTIONAL_2027, holidays: { ...FICTIONAL_2027.holidays, "2028-01-01": "元旦" } }, /outside/],
    ["no day off in the year", { ...FICTIONAL_2027, holidays: {} }, /no day off/],
    ["a date that does not exist", { ...FICTIONAL_2027, holidays: { "2027-02-30": "春节" } }, /calendar date/],
    ["a notice without its document number", { ...FICTIONAL_2027, document: "" }, /document|too_small|>=1/],
    ["an unknown field", { ...FICTIONAL_2027, makeupDays: {} }, /makeupDays/],
  ])("refuses %s, naming the problem, and keeps the calendar it had", (_name, notice, message) => {
    expect(() => useHolidayNotices({ notices: [notice] })).toThrow(message);
    expect(() => addWorkingDays("2026-12-28", 7)).toThrow(CalendarYearUnknownError);
  });

  test("refuses two notices for one year", () => {
    expect(() => useHolidayNotices({ notices: [FICTIONAL_2027, FICTIONAL_2027] })).toThrow(/one notice per year/);
  });
});
