import { KeyIndex } from "@/lib/monitoring/key-index";
import { grown } from "@/lib/monitoring/typed-arrays";

/**
 * The settlement ids of one file seen so far, for telling duplicates: `addNew` is false for an id
 * already seen. A million ids a file, each new in a clean file.
 *
 * A 医保 extract lists settlements in the order the platform numbered them, so ids mostly arrive
 * increasing. An id greater than every id before it cannot have been seen: it is appended to a
 * sorted run (its characters copied to an arena) with one comparison and no lookup. An id out of
 * order is looked for in the run (binary search) and in a KeyIndex of the out-of-order ones, and
 * joins the KeyIndex when new. Were ids out of order often (over one in eight, once 4,096 have
 * come), the run moves into the KeyIndex and every id is hashed from then on, so an unordered file
 * costs what a hash set costs (about 0.5 µs an id on the benchmark's million) and an ordered one
 * almost nothing.
 *
 * Order: shorter ids first, then by UTF-16 code units (for ids of one length, that is numeric
 * order of their digits). Any total order serves; this one makes "S2025…0009" < "S2025…0010".
 */

/** Ids counted before out-of-order ids may switch the run off. */
const SETTLE_IN = 4096;
/** Out-of-order ids tolerated: one in this many. */
const OUT_OF_ORDER_RATIO = 8;

export class SeenKeys {
  /** Run id i's characters are runChars[runStarts[i] … runStarts[i + 1]). Sorted, increasing. */
  private runStarts = new Int32Array(1025);
  private runChars = new Uint16Array(16 * 1024);
  private runCount = 0;
  /** Ids that came out of order (and, once the run is off, every id). */
  private readonly others = new KeyIndex();
  private ordered = true;
  private total = 0;

  get size(): number {
    return this.runCount + this.others.size;
  }

  /** Adds text[from, to); false when it was seen before. */
  addNew(text: string, from = 0, to = text.length): boolean {
    this.total++;
    if (!this.ordered) return this.others.addNew(text, from, to);
    if (this.runCount === 0 || this.compareToRun(this.runCount - 1, text, from, to) < 0) {
      this.append(text, from, to);
      return true;
    }
    if (this.inRun(text, from, to)) return false;
    const isNew = this.others.addNew(text, from, to);
    if (this.total > SETTLE_IN && this.others.size * OUT_OF_ORDER_RATIO > this.total) this.giveUpOrder();
    return isNew;
  }

  /** Whether text[from, to) was seen. */
  has(text: string, from = 0, to = text.length): boolean {
    return (this.ordered && this.inRun(text, from, to)) || this.others.has(text, from, to);
  }

  private append(text: string, from: number, to: number): void {
    const n = this.runCount;
    if (n + 2 > this.runStarts.length) this.runStarts = grown(this.runStarts, n + 2);
    const at = this.runStarts[n];
    const end = at + (to - from);
    if (end > this.runChars.length) this.runChars = grown(this.runChars, end);
    const chars = this.runChars;
    for (let i = from, k = at; i < to; i++, k++) chars[k] = text.charCodeAt(i);
    this.runStarts[n + 1] = end;
    this.runCount = n + 1;
  }

  /** Run id i against text[from, to): negative when the run id sorts first, 0 when equal. */
  private compareToRun(i: number, text: string, from: number, to: number): number {
    const at = this.runStarts[i];
    const length = this.runStarts[i + 1] - at;
    if (length !== to - from) return length - (to - from);
    const chars = this.runChars;
    for (let k = 0; k < length; k++) {
      const d = chars[at + k] - text.charCodeAt(from + k);
      if (d !== 0) return d;
    }
    return 0;
  }

  private inRun(text: string, from: number, to: number): boolean {
    let lo = 0;
    let hi = this.runCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compareToRun(mid, text, from, to);
      if (c === 0) return true;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Out-of-order ids are common in this file: every id is hashed from now on. */
  private giveUpOrder(): void {
    const chars = this.runChars;
    for (let i = 0; i < this.runCount; i++) {
      this.others.add(String.fromCharCode.apply(null, chars.subarray(this.runStarts[i], this.runStarts[i + 1]) as unknown as number[]));
    }
    this.ordered = false;
    this.runCount = 0;
    this.runStarts = new Int32Array(1);
    this.runChars = new Uint16Array(0);
  }
}
