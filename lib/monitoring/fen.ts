import { D, type Dec } from "@/lib/policy/money";

/**
 * Money in the monitoring batch is counted in whole fen as integers: an amount's decimal text is
 * read digit by digit (never through parseFloat), and sums of integers below 2^53 fen
 * (≈ 9 × 10^13 yuan) are exact in a JS number. That keeps a million settlement rows out of
 * decimal.js objects (the speed bar) without any rounding: nothing is ever divided or multiplied
 * here. Amounts leave the batch as decimal.js values (`fenToYuan`), rounded nowhere because they
 * are already whole fen.
 */

/** Largest amount one settlement may carry: 10^10 fen (¥100,000,000.00). */
export const MAX_SETTLEMENT_FEN = 10_000_000_000;

/**
 * "1234.5" / "1234.56" / "1,234.56" / "0" → 123450 / 123456 / 123456 / 0 fen; null when not an
 * amount (negative, more than two decimals, letters, empty, over MAX_SETTLEMENT_FEN).
 * `from`/`to`: a range of `text` (a field of a line), read in place.
 */
export function parseFen(text: string, from = 0, to = text.length): number | null {
  let fen = 0;
  let i = from;
  // trim spaces around
  while (i < to && text.charCodeAt(i) === 32) i++;
  let end = to;
  while (end > i && text.charCodeAt(end - 1) === 32) end--;
  if (i === end) return null;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (decimals >= 0) {
        if (decimals === 2) return null;
        decimals++;
      }
      fen = fen * 10 + (c - 48);
      digits++;
      if (fen > MAX_SETTLEMENT_FEN) return null;
    } else if (c === 46 /* . */ && decimals < 0 && digits > 0) {
      decimals = 0;
    } else if (c === 44 /* , thousands separator from spreadsheets */ && decimals < 0 && digits > 0) {
      continue;
    } else {
      return null;
    }
  }
  if (digits === 0 || decimals === 0) return null;
  if (decimals < 0) fen *= 100;
  else if (decimals === 1) fen *= 10;
  if (fen > MAX_SETTLEMENT_FEN) return null;
  return fen;
}

/** Whole fen → yuan as an exact decimal. */
export function fenToYuan(fen: number): Dec {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen amount ${fen} is not a safe integer`);
  return new D(fen).dividedBy(100);
}

/** A yuan decimal (already to the fen) → whole fen. */
export function yuanToFen(yuan: Dec): number {
  const fen = yuan.times(100);
  if (!fen.isInteger()) throw new RangeError(`${yuan.toString()} is not a whole number of fen`);
  return fen.toNumber();
}

/** "12345.60" */
export function fenString(fen: number): string {
  return fenToYuan(fen).toFixed(2);
}
