// The part of lunar-javascript (6tail, MIT; no types of its own) that lib/calendar/statutory-holidays.ts uses.
declare module "lunar-javascript" {
  export class Solar {
    static fromYmd(year: number, month: number, day: number): Solar;
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    toYmd(): string;
  }
  export class Lunar {
    /** A date of the lunar calendar; a leap month is written as a negative month. */
    static fromYmd(lunarYear: number, lunarMonth: number, lunarDay: number): Lunar;
    getSolar(): Solar;
    /** The solar terms around this lunar year, by Chinese name (e.g. "清明"). */
    getJieQiTable(): Record<string, Solar>;
  }
}
