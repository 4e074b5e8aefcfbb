import { grown } from "@/lib/monitoring/typed-arrays";

/**
 * Distinct text keys numbered 0, 1, 2 … in the order first seen: a person's ID number → their row
 * in the cost ledger, an out-of-order settlement id → "already seen" (seen-keys.ts). The
 * monitoring batch looks a million of these up per file, so this is not a Map<string, number>:
 *
 * - a key shaped like a normalised resident ID number (17 digits, then a digit or X) is packed
 *   exactly into two int32s kept in its table slot, so finding one touches one slot and nothing
 *   else (no characters to compare, no second cache miss);
 * - any other key is copied into one character arena (a Uint16Array of UTF-16 code units), so a
 *   stored key never keeps alive the chunk of the file it was cut from (a JS substring of a decoded
 *   chunk would: the file is streamed, never held), and a million keys are typed arrays, not a
 *   million heap strings for the garbage collector to trace;
 * - a key can be looked up straight from a range of a longer text (`text`, `from`, `to`);
 * - the table is open addressing with linear probing over typed arrays (kept at most half full).
 *
 * Packing is decided by the characters alone, so one key always has one form, and two keys are
 * equal exactly when their packed numbers (or their characters) are: a key is never taken for
 * another. Other keys are hashed with FNV-1a over the code units (finalised); a hash match is
 * confirmed by comparing the characters.
 */
/** Int32s per table slot: entry number + 1 (0: empty), hash, then the key (see `KeyForm`). */
const SLOT = 4;

/**
 * How a key is held, in two int32s (a slot's last two, and per entry for `key`): an ID number as
 * (−2 − first nine digits, next eight digits × 11 + check character), the first ≤ −2; any
 * other key as (where its characters start in the arena, how many there are), the first ≥ 0.
 */
let formA = 0;
let formB = 0;

/** Sets formA/formB and returns the hash of text[from, to). */
function formOf(text: string, from: number, to: number): number {
  if (to - from === 18) {
    let hi = 0;
    let lo = 0;
    let i = from;
    for (const end = from + 9; i < end; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      hi = hi * 10 + c;
    }
    for (const end = from + 17; i < end; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      lo = lo * 10 + c;
    }
    if (i === from + 17) {
      const last = text.charCodeAt(i);
      const check = last === 88 /* X */ ? 10 : last - 48;
      if (check >= 0 && check <= 10) {
        formA = -2 - hi;
        formB = lo * 11 + check;
        return mix(Math.imul(hi, 0x9e3779b1) ^ formB);
      }
    }
  }
  formA = -1; // not packed: the caller compares characters
  formB = to - from;
  let h = 0x811c9dc5 | 0;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix(h);
}

export class KeyIndex {
  /**
   * Slot j is table[4j … 4j + 3]: entry number + 1 (0: empty), the key's hash (compared first),
   * and the key's two form numbers. A lookup touches one slot (16 bytes, one cache line) and, for
   * a key that is not an ID number, on a hash match, its characters.
   */
  private table: Int32Array;
  /** Slots − 1 (a power of two − 1). */
  private mask: number;
  /** Entry i's form: forms[2i], forms[2i + 1] (for `key`). */
  private forms: Int32Array;
  private chars: Uint16Array<ArrayBuffer>;
  private charsUsed = 0;
  private count = 0;

  constructor(expected = 1024) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.table = new Int32Array(cap * SLOT);
    this.mask = cap - 1;
    this.forms = new Int32Array(cap);
    this.chars = new Uint16Array(cap * 8);
  }

  get size(): number {
    return this.count;
  }

  /** The entry number of text[from, to), or -1. */
  find(text: string, from = 0, to = text.length): number {
    const j = this.slotOf(text, from, to, formOf(text, from, to));
    return this.table[j] - 1;
  }

  has(text: string, from = 0, to = text.length): boolean {
    return this.find(text, from, to) >= 0;
  }

  /** The entry number of text[from, to), added as the next number when new. */
  add(text: string, from = 0, to = text.length): number {
    const h = formOf(text, from, to);
    const j = this.slotOf(text, from, to, h);
    if (this.table[j] !== 0) return this.table[j] - 1;
    let a = formA;
    const b = formB;
    if (a === -1) {
      a = this.charsUsed;
      if (a + b > this.chars.length) this.chars = grown(this.chars, a + b);
      const chars = this.chars;
      for (let i = from, k = a; i < to; i++, k++) chars[k] = text.charCodeAt(i);
      this.charsUsed = a + b;
    }
    return this.insert(j, h, a, b);
  }

  /**
   * Writes text[from, to)'s hash and packed form to forms[3i … 3i + 2] and returns true, or returns
   * false when the key is not ID-number-shaped. With `addPacked` later, a caller can look up a
   * batch of keys in one tight loop (ledger.ts), so the processor waits for their slots' cache
   * misses together.
   */
  static pack(text: string, from: number, to: number, forms: Int32Array, i: number): boolean {
    const h = formOf(text, from, to);
    if (formA === -1) return false;
    forms[3 * i] = h;
    forms[3 * i + 1] = formA;
    forms[3 * i + 2] = formB;
    return true;
  }

  /** add() for the key `pack` wrote at forms[3i …]. */
  addPacked(forms: Int32Array, i: number): number {
    const h = forms[3 * i];
    const a = forms[3 * i + 1];
    const b = forms[3 * i + 2];
    const table = this.table;
    const wrap = this.mask * SLOT + SLOT - 1;
    let j = (h & this.mask) * SLOT;
    for (; table[j] !== 0; j = (j + SLOT) & wrap) {
      if (table[j + 2] === a && table[j + 3] === b) return table[j] - 1;
    }
    return this.insert(j, h, a, b);
  }

  private insert(j: number, h: number, a: number, b: number): number {
    const entry = this.count;
    const table = this.table;
    this.forms[2 * entry] = a;
    this.forms[2 * entry + 1] = b;
    table[j] = entry + 1;
    table[j + 1] = h;
    table[j + 2] = a;
    table[j + 3] = b;
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
    const a = this.forms[2 * i];
    const b = this.forms[2 * i + 1];
    if (a < 0) {
      // Digits written into a scratch array and read back as one flat string (a concatenation
      // would be a rope, slow to hash when the key is looked up in a Map later).
      let lo = Math.floor(b / 11);
      const check = b - lo * 11;
      let hi = -2 - a;
      const d = ID_DIGITS;
      d[17] = check === 10 ? 88 : 48 + check;
      for (let k = 16; k >= 9; k--, lo = Math.floor(lo / 10)) d[k] = 48 + (lo % 10);
      for (let k = 8; k >= 0; k--, hi = Math.floor(hi / 10)) d[k] = 48 + (hi % 10);
      return String.fromCharCode.apply(null, d as unknown as number[]);
    }
    let out = "";
    for (let at = a, end = a + b; at < end; at += 4096) {
      out += String.fromCharCode.apply(null, this.chars.subarray(at, Math.min(end, at + 4096)) as unknown as number[]);
    }
    return out;
  }

  /** The slot holding text[from, to) (form in formA/formB, hash h), or the empty slot where it would go. */
  private slotOf(text: string, from: number, to: number, h: number): number {
    const table = this.table;
    const wrap = this.mask * SLOT + SLOT - 1;
    const a = formA;
    const b = formB;
    for (let j = (h & this.mask) * SLOT; ; j = (j + SLOT) & wrap) {
      if (table[j] === 0) return j;
      if (table[j + 1] !== h) continue;
      if (a === -1 ? table[j + 2] >= 0 && this.equals(table[j + 2], table[j + 3], text, from, to) : table[j + 2] === a && table[j + 3] === b) return j;
    }
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
    const forms = new Int32Array(cap);
    forms.set(this.forms);
    this.forms = forms;
  }
}

/** Scratch for writing out a packed ID number. */
const ID_DIGITS = new Uint16Array(18);

/** murmur3's finaliser: FNV's low bits alone (the table index) mix poorly. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
