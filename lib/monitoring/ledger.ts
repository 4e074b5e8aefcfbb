import type { MonitoringScheme } from "@/lib/policy/monitoring-rules";
import { KeyIndex } from "@/lib/monitoring/key-index";
import { grown } from "@/lib/monitoring/typed-arrays";
import type { Period, SettlementRow } from "@/lib/monitoring/settlement";

/**
 * Each person's costs per calendar month, in whole fen (see fen.ts for why integers): what the
 * screening rules measure (a year to date, a rolling 12 months, the largest single settlement).
 * Typed arrays indexed by person and month keep a year of a million settlements in tens of MB.
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

/** The amounts the ledger keeps per person and month. */
export type CostColumn = "total" | "basic" | "critical" | "assistance" | "personal" | "maxStay";

/** Where each amount sits in a person-month's cell. */
const COLUMN: Readonly<Record<CostColumn, number>> = { total: 0, basic: 1, critical: 2, assistance: 3, personal: 4, maxStay: 5 };
/** Amounts per person-month cell. */
const WIDTH = 6;
/** People per page (a power of two). */
const PAGE_BITS = 12;
const PAGE = 1 << PAGE_BITS;
/** Settlements held before they are added to their cells (see `pending`). */
const BATCH = 256;

export class CostLedger {
  readonly startYear: number;
  /** 0-based month of the first month. */
  readonly startMonth0: number;
  readonly months: number;
  /** Key → person number (lib/monitoring/key-index.ts: a million lookups a file). */
  private readonly index = new KeyIndex();
  /** Person number → key (copies: none keeps a chunk of the file alive). */
  private readonly personKeys: string[] = [];
  /**
   * Each person's block of `stride` numbers: one cell of WIDTH amounts (whole fen) per month. A
   * settlement updates one cell (one or two cache lines), and pages of PAGE people are added as
   * people come, never copied, so a ledger costs memory for the people it has.
   */
  private readonly pages: Float64Array[] = [];
  private readonly stride: number;
  /** Per person: settlements, latest settlement day (yyyymmdd), its scheme code. Small enough to stay in cache. */
  private settlements = new Int32Array(PAGE);
  private latestDay = new Int32Array(PAGE);
  private scheme = new Uint8Array(PAGE);
  /**
   * Settlements read but not yet added: the person's key (packed, see KeyIndex.pack) or, for a
   * key of another shape, the person, then month, day, scheme and the six amounts. Finding the
   * person is a cache miss (their slot) and so is their cell (a year of 150,000 people is 90 MB);
   * doing BATCH of each in one tight loop lets the processor wait for several misses at once
   * instead of one after another. Every read of the ledger adds them first.
   */
  private pendingCount = 0;
  private readonly pendingKey = new Int32Array(BATCH * 3);
  /** The person, or -1 while their packed key is still to be looked up. */
  private readonly pendingPerson = new Int32Array(BATCH);
  private readonly pendingMonth = new Int32Array(BATCH);
  private readonly pendingDay = new Int32Array(BATCH);
  private readonly pendingScheme = new Uint8Array(BATCH);
  private readonly pendingAmounts = new Float64Array(BATCH * WIDTH);
  /** The latest settlement date seen anywhere, as yyyymmdd (0: none). */
  private dataThroughDay = 0;
  rows = 0;

  /** A ledger covering whole months from the month of `from` to the month of `to`. */
  constructor(span: Period) {
    this.startYear = Number(span.from.slice(0, 4));
    this.startMonth0 = Number(span.from.slice(5, 7)) - 1;
    const endYear = Number(span.to.slice(0, 4));
    const endMonth0 = Number(span.to.slice(5, 7)) - 1;
    this.months = (endYear - this.startYear) * 12 + (endMonth0 - this.startMonth0) + 1;
    if (this.months < 1 || this.months > 36) throw new RangeError(`a ledger spans 1 to 36 months, not ${this.months}`);
    this.stride = this.months * WIDTH;
  }

  get size(): number {
    this.addPending();
    return this.personKeys.length;
  }

  /** Person number → key. */
  get keys(): readonly string[] {
    this.addPending();
    return this.personKeys;
  }

  has(key: string): boolean {
    this.addPending();
    return this.index.has(key);
  }

  personIndex(key: string): number | undefined {
    this.addPending();
    const p = this.index.find(key);
    return p < 0 ? undefined : p;
  }

  monthOf(date: string): number {
    return (Number(date.slice(0, 4)) - this.startYear) * 12 + (Number(date.slice(5, 7)) - 1 - this.startMonth0);
  }

  monthLabel(i: number): string {
    return monthLabel(this.startYear, this.startMonth0, i);
  }

  /** The latest settlement date in the data (how fresh it is); "" when empty. */
  get dataThrough(): string {
    return isoOfDay(this.dataThroughDay);
  }

  /** The date of person p's latest settlement. */
  latestOf(p: number): string {
    this.addPending();
    return isoOfDay(this.latestDay[p]);
  }

  /** How many settlements person p has in the ledger. */
  settlementsOf(p: number): number {
    this.addPending();
    return this.settlements[p];
  }

  schemeOf(p: number): MonitoringScheme {
    this.addPending();
    return SCHEME_CODES[this.scheme[p]];
  }

  private personFor(key: string): number {
    return this.person(this.index.add(key));
  }

  /** p, with room made for them when they are new. */
  private person(p: number): number {
    if (p === this.personKeys.length) {
      if (p >> PAGE_BITS === this.pages.length) this.pages.push(new Float64Array(PAGE * this.stride));
      if (p === this.settlements.length) {
        this.settlements = grown(this.settlements);
        this.latestDay = grown(this.latestDay);
        this.scheme = grown(this.scheme);
      }
      this.personKeys.push(this.index.key(p));
    }
    return p;
  }

  add(row: SettlementRow): void {
    // Hot path (a million rows): no allocation, month and day from the ISO date's digits.
    const d = row.date;
    const year = (d.charCodeAt(0) - 48) * 1000 + (d.charCodeAt(1) - 48) * 100 + (d.charCodeAt(2) - 48) * 10 + (d.charCodeAt(3) - 48);
    const month = (d.charCodeAt(5) - 48) * 10 + (d.charCodeAt(6) - 48);
    const m = (year - this.startYear) * 12 + (month - 1 - this.startMonth0);
    if (m < 0 || m >= this.months) throw new RangeError(`settlement on ${d} is outside the ledger`);
    const day = year * 10000 + month * 100 + (d.charCodeAt(8) - 48) * 10 + (d.charCodeAt(9) - 48);
    let i = this.pendingCount;
    if (KeyIndex.pack(row.idNumber, 0, row.idNumber.length, this.pendingKey, i)) this.pendingPerson[i] = -1;
    else {
      // Not an ID number's shape: the people before it are numbered first, in file order.
      this.addPending();
      i = 0;
      this.pendingPerson[i] = this.personFor(row.idNumber);
    }
    this.pendingMonth[i] = m;
    this.pendingDay[i] = day;
    this.pendingScheme[i] = row.scheme === "resident" ? 0 : row.scheme === "employee" ? 1 : 2;
    const a = this.pendingAmounts;
    const at = i * WIDTH;
    a[at] = row.total;
    a[at + 1] = row.basic;
    a[at + 2] = row.critical;
    a[at + 3] = row.assistance;
    a[at + 4] = row.personalCash;
    if (day > this.dataThroughDay) this.dataThroughDay = day;
    this.rows++;
    this.pendingCount = i + 1;
    if (i + 1 === BATCH) this.addPending();
  }

  /** Adds the pending settlements to their cells (see `pending`). */
  private addPending(): void {
    const n = this.pendingCount;
    if (n === 0) return;
    this.pendingCount = 0;
    const { pendingPerson, pendingKey, index } = this;
    for (let i = 0; i < n; i++) if (pendingPerson[i] < 0) pendingPerson[i] = this.person(index.addPacked(pendingKey, i));
    const { pages, pendingMonth, pendingDay, pendingScheme, pendingAmounts: a, settlements, latestDay, scheme, stride } = this;
    for (let i = 0; i < n; i++) {
      const p = pendingPerson[i];
      const page = pages[p >> PAGE_BITS];
      const at = (p & (PAGE - 1)) * stride + pendingMonth[i] * WIDTH;
      const from = i * WIDTH;
      const personal = a[from + 4];
      page[at] += a[from];
      page[at + 1] += a[from + 1];
      page[at + 2] += a[from + 2];
      page[at + 3] += a[from + 3];
      page[at + 4] += personal;
      if (personal > page[at + 5]) page[at + 5] = personal;
      settlements[p]++;
      if (pendingDay[i] >= latestDay[p]) {
        latestDay[p] = pendingDay[i];
        scheme[p] = pendingScheme[i];
      }
    }
  }

  /** Adds a month's costs (one settlement, or a stored month of a person). */
  addMonth(key: string, m: number, scheme: MonitoringScheme, date: string, c: MonthCosts): void {
    this.addPending();
    const p = this.personFor(key);
    const page = this.pages[p >> PAGE_BITS];
    const at = (p & (PAGE - 1)) * this.stride + m * WIDTH;
    page[at] += c.total;
    page[at + 1] += c.basic;
    page[at + 2] += c.critical;
    page[at + 3] += c.assistance;
    page[at + 4] += c.personal;
    if (c.maxStay > page[at + 5]) page[at + 5] = c.maxStay;
    this.settlements[p] += c.settlements;
    const day = dayOfIso(date);
    if (day >= this.latestDay[p]) {
      this.latestDay[p] = day;
      this.scheme[p] = SCHEME_CODES.indexOf(scheme);
    }
    if (day > this.dataThroughDay) this.dataThroughDay = day;
    this.rows += c.settlements;
  }

  /** One amount of person p in month m (index). */
  cost(column: CostColumn, p: number, m: number): number {
    this.addPending();
    return this.pages[p >> PAGE_BITS][(p & (PAGE - 1)) * this.stride + m * WIDTH + COLUMN[column]];
  }

  /** Sum of one amount over months [from, to] (indexes, inclusive, clamped to the ledger). */
  sum(column: CostColumn, p: number, from: number, to: number): number {
    this.addPending();
    const page = this.pages[p >> PAGE_BITS];
    const at = (p & (PAGE - 1)) * this.stride + COLUMN[column];
    let s = 0;
    for (let m = Math.max(0, from); m <= Math.min(this.months - 1, to); m++) s += page[at + m * WIDTH];
    return s;
  }

  max(column: CostColumn, p: number, from: number, to: number): number {
    this.addPending();
    const page = this.pages[p >> PAGE_BITS];
    const at = (p & (PAGE - 1)) * this.stride + COLUMN[column];
    let s = 0;
    for (let m = Math.max(0, from); m <= Math.min(this.months - 1, to); m++) {
      const v = page[at + m * WIDTH];
      if (v > s) s = v;
    }
    return s;
  }

  /** The person's months with any cost, for storing (one row per person and month). */
  *monthsOf(p: number): Generator<{ month: number; costs: MonthCosts }> {
    this.addPending();
    const c = this.pages[p >> PAGE_BITS];
    for (let m = 0; m < this.months; m++) {
      const at = (p & (PAGE - 1)) * this.stride + m * WIDTH;
      if (c[at] === 0 && c[at + 4] === 0) continue;
      yield {
        month: m,
        costs: { total: c[at], basic: c[at + 1], critical: c[at + 2], assistance: c[at + 3], personal: c[at + 4], maxStay: c[at + 5], settlements: 0 },
      };
    }
  }
}

/** "2025-03-07" → 20250307; "" (no date) → 0. */
function dayOfIso(date: string): number {
  const day = Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
  return Number.isInteger(day) ? day : 0;
}

/** 20250307 → "2025-03-07"; 0 → "". */
function isoOfDay(day: number): string {
  if (day === 0) return "";
  const y = Math.floor(day / 10000);
  const m = Math.floor(day / 100) % 100;
  const d = day % 100;
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}
