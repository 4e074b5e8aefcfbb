import type { MonitoringScheme } from "@/lib/policy/monitoring-rules";
import type { Period, SettlementRow } from "@/lib/monitoring/settlement";

/**
 * Each person's costs per calendar month, in whole fen (see fen.ts for why integers): what the
 * screening rules measure (a year to date, a rolling 12 months, the largest single settlement).
 * Column arrays indexed person × month keep a year of a million settlements in tens of MB.
 * The key is whatever identifies a person in this run: the normalised ID number while a file is
 * read (never stored), the keyed hash once the batch is matched to person records.
 */

export const SCHEME_CODES: readonly MonitoringScheme[] = ["resident", "employee", "retiree"];

export interface MonthCosts {
  total: number;
  basic: number;
  critical: number;
  assistance: number;
  personal: number;
  /** Largest personal cash of one settlement in the month. */
  maxStay: number;
  settlements: number;
}

/** "2025-03" for month index i of a ledger starting at `startMonth`. */
export function monthLabel(startYear: number, startMonth0: number, i: number): string {
  const m = startMonth0 + i;
  const y = startYear + Math.floor(m / 12);
  const mm = (m % 12) + 1;
  return `${y}-${mm < 10 ? "0" : ""}${mm}`;
}

export class CostLedger {
  readonly startYear: number;
  /** 0-based month of the first month. */
  readonly startMonth0: number;
  readonly months: number;
  private readonly index = new Map<string, number>();
  keys: string[] = [];
  private cap = 0;
  scheme = new Uint8Array(0);
  /** Date (ISO) of each person's latest settlement; decides the scheme when it changes. */
  latest: string[] = [];
  total = new Float64Array(0);
  basic = new Float64Array(0);
  critical = new Float64Array(0);
  assistance = new Float64Array(0);
  personal = new Float64Array(0);
  maxStay = new Float64Array(0);
  settlements = new Int32Array(0);
  /** The latest settlement date seen anywhere (how fresh the data is). */
  dataThrough = "";
  rows = 0;

  /** A ledger covering whole months from the month of `from` to the month of `to`. */
  constructor(span: Period) {
    this.startYear = Number(span.from.slice(0, 4));
    this.startMonth0 = Number(span.from.slice(5, 7)) - 1;
    const endYear = Number(span.to.slice(0, 4));
    const endMonth0 = Number(span.to.slice(5, 7)) - 1;
    this.months = (endYear - this.startYear) * 12 + (endMonth0 - this.startMonth0) + 1;
    if (this.months < 1 || this.months > 36) throw new RangeError(`a ledger spans 1 to 36 months, not ${this.months}`);
    this.grow(1024);
  }

  get size(): number {
    return this.keys.length;
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  personIndex(key: string): number | undefined {
    return this.index.get(key);
  }

  /** The map of keys seen (settlement.ts skips re-checking a known ID number). */
  get knownKeys(): Map<string, number> {
    return this.index;
  }

  monthOf(date: string): number {
    return (Number(date.slice(0, 4)) - this.startYear) * 12 + (Number(date.slice(5, 7)) - 1 - this.startMonth0);
  }

  monthLabel(i: number): string {
    return monthLabel(this.startYear, this.startMonth0, i);
  }

  private grow(cap: number): void {
    const M = this.months;
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(cap * M);
      b.set(a);
      return b;
    };
    this.total = f64(this.total);
    this.basic = f64(this.basic);
    this.critical = f64(this.critical);
    this.assistance = f64(this.assistance);
    this.personal = f64(this.personal);
    this.maxStay = f64(this.maxStay);
    const s = new Uint8Array(cap);
    s.set(this.scheme);
    this.scheme = s;
    const c = new Int32Array(cap);
    c.set(this.settlements);
    this.settlements = c;
    this.cap = cap;
  }

  private personFor(key: string): number {
    let p = this.index.get(key);
    if (p === undefined) {
      p = this.keys.length;
      if (p === this.cap) this.grow(this.cap * 2);
      this.index.set(key, p);
      this.keys.push(key);
      this.latest.push("");
    }
    return p;
  }

  add(row: SettlementRow): void {
    // Hot path (a million rows): no allocation, month from the ISO date's digits.
    const d = row.date;
    const m =
      ((d.charCodeAt(0) - 48) * 1000 + (d.charCodeAt(1) - 48) * 100 + (d.charCodeAt(2) - 48) * 10 + (d.charCodeAt(3) - 48) - this.startYear) * 12 +
      ((d.charCodeAt(5) - 48) * 10 + (d.charCodeAt(6) - 48) - 1 - this.startMonth0);
    if (m < 0 || m >= this.months) throw new RangeError(`settlement on ${d} is outside the ledger`);
    const p = this.personFor(row.idNumber);
    const at = p * this.months + m;
    this.total[at] += row.total;
    this.basic[at] += row.basic;
    this.critical[at] += row.critical;
    this.assistance[at] += row.assistance;
    this.personal[at] += row.personalCash;
    if (row.personalCash > this.maxStay[at]) this.maxStay[at] = row.personalCash;
    this.settlements[p]++;
    if (d >= this.latest[p]) {
      this.latest[p] = d;
      this.scheme[p] = row.scheme === "resident" ? 0 : row.scheme === "employee" ? 1 : 2;
    }
    if (d > this.dataThrough) this.dataThrough = d;
    this.rows++;
  }

  /** Adds a month's costs (one settlement, or a stored month of a person). */
  addMonth(key: string, m: number, scheme: MonitoringScheme, date: string, c: MonthCosts): void {
    const p = this.personFor(key);
    const at = p * this.months + m;
    this.total[at] += c.total;
    this.basic[at] += c.basic;
    this.critical[at] += c.critical;
    this.assistance[at] += c.assistance;
    this.personal[at] += c.personal;
    if (c.maxStay > this.maxStay[at]) this.maxStay[at] = c.maxStay;
    this.settlements[p] += c.settlements;
    if (date >= this.latest[p]) {
      this.latest[p] = date;
      this.scheme[p] = SCHEME_CODES.indexOf(scheme);
    }
    if (date > this.dataThrough) this.dataThrough = date;
    this.rows += c.settlements;
  }

  schemeOf(p: number): MonitoringScheme {
    return SCHEME_CODES[this.scheme[p]];
  }

  /** Sum of one column over months [from, to] (indexes, inclusive, clamped to the ledger). */
  sum(column: Float64Array, p: number, from: number, to: number): number {
    const base = p * this.months;
    let s = 0;
    for (let m = Math.max(0, from); m <= Math.min(this.months - 1, to); m++) s += column[base + m];
    return s;
  }

  max(column: Float64Array, p: number, from: number, to: number): number {
    const base = p * this.months;
    let s = 0;
    for (let m = Math.max(0, from); m <= Math.min(this.months - 1, to); m++) if (column[base + m] > s) s = column[base + m];
    return s;
  }

  /** The person's months with any cost, for storing (one row per person and month). */
  *monthsOf(p: number): Generator<{ month: number; costs: MonthCosts }> {
    const base = p * this.months;
    for (let m = 0; m < this.months; m++) {
      const at = base + m;
      if (this.total[at] === 0 && this.personal[at] === 0) continue;
      yield {
        month: m,
        costs: {
          total: this.total[at],
          basic: this.basic[at],
          critical: this.critical[at],
          assistance: this.assistance[at],
          personal: this.personal[at],
          maxStay: this.maxStay[at],
          settlements: 0,
        },
      };
    }
  }
}
