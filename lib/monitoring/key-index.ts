/**
 * Distinct text keys numbered 0, 1, 2 … in the order first seen: a person's ID number → their row
 * in the cost ledger, a settlement id → "already seen" (duplicates). The monitoring batch looks a
 * million of these up per file, so this is not a Map<string, number>:
 *
 * - keys are copied into one character arena (a Uint16Array of UTF-16 code units), so a stored key
 *   never keeps alive the chunk of the file it was cut from (a JS substring of a decoded chunk
 *   would: the file is streamed, never held), and a million keys are two typed arrays, not a
 *   million heap strings for the garbage collector to trace;
 * - a key can be looked up straight from a range of a longer text (`text`, `from`, `to`);
 * - the table is open addressing with linear probing over typed arrays (kept at most half full),
 *   a few cache misses per lookup where a Map of a million strings costs about twice as many
 *   (measured on the benchmark's million settlement ids: 0.5 µs against 1 µs a row).
 *
 * The hash is FNV-1a over the code units (finalised); a hash match is confirmed by comparing the characters,
 * so two different keys are never taken for one.
 */
/** Int32s per table slot: entry number + 1 (0: empty), hash, first character in the arena, length. */
const SLOT = 4;

export class KeyIndex {
  /**
   * Slot j is table[4j … 4j + 3]: entry number + 1 (0: empty), the key's hash (compared before the
   * characters), where its characters start in `chars`, and how many there are. A lookup touches
   * one slot (16 bytes, one cache line) and, on a hash match, the characters.
   */
  private table: Int32Array;
  /** Slots − 1 (a power of two − 1). */
  private mask: number;
  /** Entry i's characters are chars[starts[i] … starts[i + 1]) (for `key`). */
  private starts: Int32Array;
  private chars: Uint16Array;
  private count = 0;

  constructor(expected = 1024) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.table = new Int32Array(cap * SLOT);
    this.mask = cap - 1;
    this.starts = new Int32Array(cap / 2 + 1);
    this.chars = new Uint16Array(cap * 8);
  }

  get size(): number {
    return this.count;
  }

  /** The entry number of text[from, to), or -1. */
  find(text: string, from = 0, to = text.length): number {
    const h = hashOf(text, from, to);
    const table = this.table;
    for (let j = (h & this.mask) * SLOT; ; j = (j + SLOT) & (this.mask * SLOT + SLOT - 1)) {
      const entry = table[j] - 1;
      if (entry < 0) return -1;
      if (table[j + 1] === h && this.equals(table[j + 2], table[j + 3], text, from, to)) return entry;
    }
  }

  has(text: string, from = 0, to = text.length): boolean {
    return this.find(text, from, to) >= 0;
  }

  /** The entry number of text[from, to), added as the next number when new. */
  add(text: string, from = 0, to = text.length): number {
    const h = hashOf(text, from, to);
    const table = this.table;
    const wrap = this.mask * SLOT + SLOT - 1;
    let j = (h & this.mask) * SLOT;
    for (; ; j = (j + SLOT) & wrap) {
      const found = table[j] - 1;
      if (found < 0) break;
      if (table[j + 1] === h && this.equals(table[j + 2], table[j + 3], text, from, to)) return found;
    }
    const entry = this.count;
    const at = this.starts[entry];
    const length = to - from;
    if (at + length > this.chars.length) this.chars = grown(this.chars, at + length);
    const chars = this.chars;
    for (let i = from, k = at; i < to; i++, k++) chars[k] = text.charCodeAt(i);
    this.starts[entry + 1] = at + length;
    table[j] = entry + 1;
    table[j + 1] = h;
    table[j + 2] = at;
    table[j + 3] = length;
    this.count = entry + 1;
    if (this.count * 2 > this.mask) this.rehash();
    return entry;
  }

  /** Adds text[from, to); false when it was already there. */
  addNew(text: string, from = 0, to = text.length): boolean {
    const before = this.count;
    this.add(text, from, to);
    return this.count > before;
  }

  /** Entry i's key as a string of its own. */
  key(i: number): string {
    if (!(i >= 0 && i < this.count)) throw new RangeError(`no key ${i}`);
    let out = "";
    for (let at = this.starts[i], end = this.starts[i + 1]; at < end; at += 4096) {
      out += String.fromCharCode.apply(null, this.chars.subarray(at, Math.min(end, at + 4096)) as unknown as number[]);
    }
    return out;
  }

  private equals(at: number, length: number, text: string, from: number, to: number): boolean {
    if (length !== to - from) return false;
    const chars = this.chars;
    for (let i = from, k = at; i < to; i++, k++) if (chars[k] !== text.charCodeAt(i)) return false;
    return true;
  }

  private rehash(): void {
    const cap = (this.mask + 1) * 2;
    const old = this.table;
    const table = new Int32Array(cap * SLOT);
    const mask = cap - 1;
    for (let j = 0; j < old.length; j += SLOT) {
      if (old[j] === 0) continue;
      let k = (old[j + 1] & mask) * SLOT;
      while (table[k] !== 0) k = (k + SLOT) & (mask * SLOT + SLOT - 1);
      table[k] = old[j];
      table[k + 1] = old[j + 1];
      table[k + 2] = old[j + 2];
      table[k + 3] = old[j + 3];
    }
    this.table = table;
    this.mask = mask;
    const starts = new Int32Array(cap / 2 + 1);
    starts.set(this.starts);
    this.starts = starts;
  }
}

/** FNV-1a (32-bit) over UTF-16 code units, then murmur3's finaliser: FNV's low bits alone (the table index) mix poorly. */
function hashOf(text: string, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function grown(chars: Uint16Array, atLeast: number): Uint16Array {
  let n = chars.length * 2;
  while (n < atLeast) n *= 2;
  const out = new Uint16Array(n);
  out.set(chars);
  return out;
}
