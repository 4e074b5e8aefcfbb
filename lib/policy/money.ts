import DecimalBase from "decimal.js";

/**
 * All money and rates go through this Decimal clone: 40 significant digits,
 * ROUND_HALF_UP (the contract's rounding), no floats anywhere.
 */
export const D = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export const ZERO = new D(0);
export const ONE = new D(1);
export const HUNDRED = new D(100);

/** Round to the fen (two decimals), half up. */
export function toFen(x: Dec): Dec {
  return x.toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/** "1234.5" → "1234.50" (the JSON form). */
export function fenString(x: Dec): string {
  return x.toFixed(2, D.ROUND_HALF_UP);
}

/** Plain-language form for explanations: "18,000.00". */
export function formatMoney(x: Dec): string {
  const s = x.toFixed(2, D.ROUND_HALF_UP);
  const neg = s.charCodeAt(0) === 45;
  const body = neg ? s.slice(1) : s;
  const dot = body.length - 3;
  let int = body.slice(0, dot);
  if (int.length > 3) {
    let out = "";
    let i = int.length % 3;
    if (i > 0) out = int.slice(0, i);
    for (; i < int.length; i += 3) out += (out ? "," : "") + int.slice(i, i + 3);
    int = out;
  }
  return (neg ? "-" : "") + int + body.slice(dot);
}

/** A ratio as a percentage for explanations: 0.7 → "70%", 0.725 → "72.5%". */
export function formatPercent(x: Dec): string {
  return x.times(HUNDRED).toDecimalPlaces(2, D.ROUND_HALF_UP).toString() + "%";
}

/** Percentage points: 0.05 → "5". */
export function formatPoints(x: Dec): string {
  return x.times(HUNDRED).toDecimalPlaces(2, D.ROUND_HALF_UP).toString();
}

/** A rate as it appears in the result's `rate` field: four decimals. */
export function rateString(x: Dec): string {
  return x.toFixed(4, D.ROUND_HALF_UP);
}

export function min(a: Dec, b: Dec): Dec {
  return a.lte(b) ? a : b;
}

export function max(a: Dec, b: Dec): Dec {
  return a.gte(b) ? a : b;
}

/** Clamp to [lo, hi]. */
export function clamp(x: Dec, lo: Dec, hi: Dec): Dec {
  return x.lt(lo) ? lo : x.gt(hi) ? hi : x;
}

/** Request money: at most two decimals, no sign, no exponent. */
export const MONEY_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;
/** Same shape with an optional minus sign, to tell "negative" from "malformed". */
export const SIGNED_MONEY_PATTERN = /^-(0|[1-9]\d{0,11})(\.\d{1,2})?$/;
