import DecimalBase from "decimal.js";

/**
 * All money and rates go through this Decimal clone: 40 significant digits,
 * ROUND_HALF_UP (the contract's rounding), no floats anywhere.
 */
export const D = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
// Every decimal.js operation reads its settings from the constructor (x.constructor.precision,
// .rounding, .maxE …). A clone gets some sixty properties assigned one by one, which leaves it a
// dictionary-mode object in V8, so each of those reads is a hash lookup. V8 turns an object that
// serves as a prototype into its fast property layout once property reads go through it: making D
// one (of an object nobody uses) makes the engine's additions, subtractions and divisions a quarter
// to a third cheaper (docs/calculation.md, Benchmark). Values are untouched.
// (setPrototypeOf, not Object.create, so that no minifier drops the call as free of side effects.)
Object.setPrototypeOf({}, D);
export type Dec = InstanceType<typeof D>;

export const ZERO = new D(0);
export const ONE = new D(1);
export const HUNDRED = new D(100);

/** Round to the fen (two decimals), half up. */
export function toFen(x: Dec): Dec {
  // Already whole fen (decimalPlaces reads the digits, no copy): rounding would give the same value.
  return x.decimalPlaces() <= 2 ? x : x.toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/**
 * toFixed(2) for the common case of a value with at most two decimals, read
 * straight from decimal.js's documented instance properties (d: digit words
 * in base 1e7, e: base-10 exponent, s: sign); anything else goes through
 * toFixed. The words are aligned on the decimal point: with e ≥ 0, words
 * 0…⌊e/7⌋ hold the integer digits and the next one the first seven decimals;
 * with −7 ≤ e < 0, word 0 holds those decimals. Same output as toFixed
 * (property-tested), many times faster, which matters for the throughput target.
 */
export function fixed2(x: Dec): string {
  const d = (x as unknown as { d: number[] | null }).d;
  const e = x.e;
  if (!d) return x.toFixed(2, D.ROUND_HALF_UP);
  let int: string;
  /** The first seven decimals as one word (0 when there are none). */
  let decimals: number;
  if (e >= 0) {
    const last = (e - (e % 7)) / 7; // the last integer word
    if (d.length > last + 2) return x.toFixed(2, D.ROUND_HALF_UP); // more than seven decimals
    int = String(d[0]);
    for (let i = 1; i <= last; i++) int += i < d.length ? pad7(d[i]) : "0000000";
    decimals = d.length > last + 1 ? d[last + 1] : 0;
  } else {
    if (e < -7 || d.length > 1) return x.toFixed(2, D.ROUND_HALF_UP);
    int = "0";
    decimals = d[0];
  }
  if (decimals % 100000 !== 0) return x.toFixed(2, D.ROUND_HALF_UP); // a third decimal or more
  const cents = decimals / 100000;
  return (x.s < 0 && (int !== "0" || cents !== 0) ? "-" : "") + int + (cents < 10 ? ".0" : ".") + cents;
}

/** A base-1e7 word as its seven digits. */
function pad7(w: number): string {
  const s = String(w);
  return s.length === 7 ? s : "0000000".slice(s.length) + s;
}

/**
 * toFixed(4, ROUND_HALF_UP) of a share (personal / total, 0 ≤ x ≤ 1), read
 * from the same documented fields as fixed2: for 0 < x < 1 the first seven
 * decimals are word 0 when −7 ≤ e < 0, and half up at the fifth decimal only
 * looks at the sixth and seventh digits of that word (a digit 5 rounds up
 * whatever follows). Anything else goes through toFixed. Same output as
 * toFixed (property-tested); toFixed costs about as much as the division
 * before it.
 */
export function fixed4(x: Dec): string {
  const d = (x as unknown as { d: number[] | null }).d;
  const e = x.e;
  if (!d || x.s < 0 || e >= 0 || !d[0]) return x.toFixed(4, D.ROUND_HALF_UP);
  if (e < -7) return "0.0000"; // below 0.0000001, so below half of 0.0001
  const first7 = d[0];
  const rest = first7 % 1000;
  const kept = (first7 - rest) / 1000 + (rest >= 500 ? 1 : 0);
  if (kept === 10000) return "1.0000";
  return kept < 10 ? "0.000" + kept : kept < 100 ? "0.00" + kept : kept < 1000 ? "0.0" + kept : "0." + kept;
}

/** "1234.5" → "1234.50" (the JSON form). */
export function fenString(x: Dec): string {
  return fixed2(x);
}

/** Plain-language form for explanations: "18,000.00". */
export function formatMoney(x: Dec): string {
  const s = fixed2(x);
  const start = s.charCodeAt(0) === 45 ? 1 : 0; // after a minus sign
  const dot = s.length - 3;
  const digits = dot - start;
  if (digits <= 3) return s;
  // The first group has 1–3 digits, the others 3.
  let i = start + (digits % 3 || 3);
  let out = s.slice(0, i);
  for (; i < dot; i += 3) out += "," + s.slice(i, i + 3);
  return out + s.slice(dot);
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

// Sums and differences where one side is often zero (the first episode, a
// layer that paid nothing): adding zero gives the other operand's value, so
// the operand itself is returned instead of a copy decimal.js would allocate.
// Every Decimal here has far fewer than `precision` digits, so nothing that
// decimal.js would round is skipped.

/** a + b. */
export function add(a: Dec, b: Dec): Dec {
  return b.isZero() ? a : a.isZero() ? b : a.plus(b);
}

/** a − b. */
export function sub(a: Dec, b: Dec): Dec {
  return b.isZero() ? a : a.minus(b);
}

/** x > 0, from the sign and zero tests (no operand copy, unlike gt(ZERO)). */
export function isPositive(x: Dec): boolean {
  return !x.isZero() && !x.isNeg();
}

/** max(ZERO, x): ZERO itself when x ≤ 0. */
export function nonNegative(x: Dec): Dec {
  return isPositive(x) ? x : ZERO;
}

/**
 * x.cmp(y) without the copy of y that decimal.js's cmp makes first (a copy is
 * two allocations, and comparisons are a third of the engine's decimal work):
 * the same steps on the documented d/e/s fields. Values that are not finite
 * or whose exponent the copy would clamp go to cmp itself. Property-tested
 * equal to cmp (money.test.ts).
 */
export function compare(x: Dec, y: Dec): number {
  const xd = x.d;
  const yd = y.d;
  if (!xd || !yd || y.e > D.maxE || y.e < D.minE) return x.cmp(y);
  const xs = x.s;
  if (!xd[0] || !yd[0]) return xd[0] ? xs : yd[0] ? -y.s : 0;
  if (xs !== y.s) return xs;
  const flip = xs < 0;
  if (x.e !== y.e) return x.e > y.e !== flip ? 1 : -1;
  const n = xd.length < yd.length ? xd.length : yd.length;
  for (let i = 0; i < n; i++) if (xd[i] !== yd[i]) return xd[i] > yd[i] !== flip ? 1 : -1;
  return xd.length === yd.length ? 0 : xd.length > yd.length !== flip ? 1 : -1;
}

// The comparisons decimal.js defines from cmp (a NaN result is false in all of them).
export const lt = (a: Dec, b: Dec): boolean => compare(a, b) < 0;
export const lte = (a: Dec, b: Dec): boolean => compare(a, b) <= 0;
export const gt = (a: Dec, b: Dec): boolean => compare(a, b) > 0;
export const gte = (a: Dec, b: Dec): boolean => compare(a, b) >= 0;
export const eq = (a: Dec, b: Dec): boolean => compare(a, b) === 0;

/** The smaller of a and b; a itself when they are equal. */
export function min(a: Dec, b: Dec): Dec {
  return lte(a, b) ? a : b;
}

/** The larger of a and b; a itself when they are equal. */
export function max(a: Dec, b: Dec): Dec {
  return gte(a, b) ? a : b;
}

/** Clamp to [lo, hi]. */
export function clamp(x: Dec, lo: Dec, hi: Dec): Dec {
  return lt(x, lo) ? lo : gt(x, hi) ? hi : x;
}

/** Request money: at most two decimals, no sign, no exponent. */
export const MONEY_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;
/** Same shape with an optional minus sign, to tell "negative" from "malformed". */
export const SIGNED_MONEY_PATTERN = /^-(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

// Formatting of values that recur across estimates (pack parameters, derived
// thresholds): cached per Decimal instance, so constants are formatted once.
const moneyCache = new WeakMap<Dec, string>();
const fenCache = new WeakMap<Dec, string>();
const pctCache = new WeakMap<Dec, string>();
const rateCache = new WeakMap<Dec, string>();
const pointsCache = new WeakMap<Dec, string>();

function cached(cache: WeakMap<Dec, string>, x: Dec, f: (x: Dec) => string): string {
  let v = cache.get(x);
  if (v === undefined) {
    v = f(x);
    cache.set(x, v);
  }
  return v;
}

/** formatMoney for a constant (a pack parameter or a value derived once per pack and period). */
export const constMoney = (x: Dec) => cached(moneyCache, x, formatMoney);
export const constFen = (x: Dec) => cached(fenCache, x, fenString);
export const constPercent = (x: Dec) => cached(pctCache, x, formatPercent);
export const constRate = (x: Dec) => cached(rateCache, x, rateString);
export const constPoints = (x: Dec) => cached(pointsCache, x, formatPoints);

/** Whether a request amount (MONEY_PATTERN already checked) is zero: "0", "0.0" or "0.00" (compared, no regular expression). */
export function isZeroMoney(s: string): boolean {
  return s === "0.00" || s === "0" || s === "0.0";
}

/** A request amount (MONEY_PATTERN already checked); zero is the shared ZERO, not a fresh parse. */
export function parseMoney(s: string): Dec {
  return isZeroMoney(s) ? ZERO : new D(s);
}
