import { describe, expect, it } from "vitest";
import { D, fenString, formatMoney, formatPercent, rateString, toFen } from "@/lib/policy/money";

/** Money: decimal.js, ROUND_HALF_UP to the fen (CALC-CONTRACT.md, Rounding). */

describe("money", () => {
  it.each([
    ["0.005", "0.01"],
    ["0.015", "0.02"], // half up, not banker's rounding (which gives 0.02 here too) …
    ["0.025", "0.03"], // … but differs here: banker's would give 0.02
    ["2310.385", "2310.39"],
    ["16715.075", "16715.08"],
    ["0.0049999", "0.00"],
  ])("toFen(%s) = %s (ROUND_HALF_UP once)", (x, y) => {
    expect(fenString(toFen(new D(x)))).toBe(y);
  });

  it("no float error: 0.1 + 0.2 = 0.3 and 1300.02 − 300 = 1000.02 exactly", () => {
    expect(new D("0.1").plus("0.2").toString()).toBe("0.3");
    expect(new D("1300.02").minus(300).times("0.75").toString()).toBe("750.015");
  });

  it.each([
    ["0", "0.00"],
    ["5.5", "5.50"],
    ["999.995", "1,000.00"],
    ["1234567.5", "1,234,567.50"],
    ["100000", "100,000.00"],
  ])("formatMoney(%s) = %s", (x, y) => {
    expect(formatMoney(new D(x))).toBe(y);
  });

  it("rates: 70%, 72.5% in explanations; four decimals in results", () => {
    expect(formatPercent(new D("0.7"))).toBe("70%");
    expect(formatPercent(new D("0.725"))).toBe("72.5%");
    expect(rateString(new D("0.65"))).toBe("0.6500");
  });
});

describe("fixed2 (fast toFixed(2))", () => {
  it("matches decimal.js toFixed(2, ROUND_HALF_UP) on fen amounts and on longer decimals", async () => {
    const fc = (await import("fast-check")).default;
    const { fixed2 } = await import("@/lib/policy/money");
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }), fc.integer({ min: 0, max: 9 }), (n, scale) => {
        const x = new D(n.toString()).div(new D(10).pow(scale));
        expect(fixed2(x)).toBe(x.toFixed(2, D.ROUND_HALF_UP));
      }),
      { numRuns: 5000 },
    );
    for (const s of [
      "0", "0.5", "0.05", "-0.001", "100000", "1234567.5", "0.0000001", "9999999.99", "10000000.01", "-3.5",
      "10000000", "10000000.5", "100000000000000", "100000000000000.1", "12345678901234.56", "-0.05", "0.005", "-0", "1e-8", "0.1234567",
    ]) {
      expect(fixed2(new D(s)), s).toBe(new D(s).toFixed(2, D.ROUND_HALF_UP));
    }
  });
});

describe("isZeroMoney", () => {
  it("is true exactly for the zero amounts the money pattern allows", async () => {
    const fc = (await import("fast-check")).default;
    const { isZeroMoney } = await import("@/lib/policy/money");
    for (const s of ["0", "0.0", "0.00"]) expect(isZeroMoney(s), s).toBe(true);
    for (const s of ["", "0.", "0.000", "00", "0.01", "0.10", "1", "10.00", "-0", "-0.00", " 0", "0.00 "]) expect(isZeroMoney(s), s).toBe(false);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0.]{0,5}$/)), (s) => {
        expect(isZeroMoney(s)).toBe(/^0(\.0{1,2})?$/.test(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("fixed4 (fast toFixed(4) of a share)", () => {
  it("matches decimal.js toFixed(4, ROUND_HALF_UP) on quotients of fen amounts and on other values", async () => {
    const fc = (await import("fast-check")).default;
    const { fixed4 } = await import("@/lib/policy/money");
    const fenAmount = fc.bigInt({ min: 1n, max: 10n ** 16n }).map((n) => new D(n.toString()).div(100));
    fc.assert(
      fc.property(fenAmount, fenAmount, (a, b) => {
        const [part, whole] = a.lte(b) ? [a, b] : [b, a];
        const x = part.div(whole);
        expect(fixed4(x)).toBe(x.toFixed(4, D.ROUND_HALF_UP));
      }),
      { numRuns: 10000 },
    );
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }), fc.integer({ min: 0, max: 24 }), (n, scale) => {
        const x = new D(n.toString()).div(new D(10).pow(scale));
        expect(fixed4(x)).toBe(x.toFixed(4, D.ROUND_HALF_UP));
      }),
      { numRuns: 5000 },
    );
    for (const s of [
      "0", "-0", "1", "0.5", "0.00005", "0.000049999", "0.00004999999999", "0.99995", "0.99994999", "0.9999999", "0.12345", "0.1234499",
      "0.0000001", "0.00000005", "1e-8", "0.0001", "0.00015", "0.0757", "0.07575", "2.5", "-0.00005", "NaN", "Infinity",
    ]) {
      expect(fixed4(new D(s)), s).toBe(new D(s).toFixed(4, D.ROUND_HALF_UP));
    }
    for (const [p, t] of [["1", "3"], ["2", "3"], ["7567.98", "100000.00"], ["1", "20000"], ["1", "7"], ["99999", "100000"]]) {
      const x = new D(p).div(new D(t));
      expect(fixed4(x), `${p}/${t}`).toBe(x.toFixed(4, D.ROUND_HALF_UP));
    }
  });
});

describe("compare (cmp without copying the operand)", () => {
  it("matches decimal.js cmp, and lt/lte/gt/gte/eq theirs, on signed decimals of any length and scale", async () => {
    const fc = (await import("fast-check")).default;
    const { compare, eq, gt, gte, lt, lte } = await import("@/lib/policy/money");
    const dec = fc
      .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: -12, max: 12 }), fc.boolean())
      .map(([n, scale, small]) => new D((small ? n % 1000n : n).toString()).times(new D(10).pow(scale)));
    fc.assert(
      fc.property(dec, dec, fc.boolean(), (a, b0, same) => {
        const b = same ? new D(a) : b0; // equal values half the time
        expect(compare(a, b)).toBe(a.cmp(b));
        expect([lt(a, b), lte(a, b), gt(a, b), gte(a, b), eq(a, b)]).toEqual([a.lt(b), a.lte(b), a.gt(b), a.gte(b), a.eq(b)]);
      }),
      { numRuns: 10000 },
    );
    const odd = ["0", "-0", "1e-9000000000000000", "1e9000000000000000", "NaN", "Infinity", "-Infinity", "0.1", "-0.1"].map((s) => new D(s));
    for (const a of odd) for (const b of odd) expect(compare(a, b), `${a} vs ${b}`).toBe(a.cmp(b));
  });
});

describe("formatMoney (thousands separators)", () => {
  it("is toFixed(2) with a comma every three integer digits, for any sign and size", async () => {
    const fc = (await import("fast-check")).default;
    const reference = (x: InstanceType<typeof D>) => {
      const [int, frac] = x.toFixed(2, D.ROUND_HALF_UP).split(".");
      return int.replace(/\B(?=(\d{3})+$)/g, ",") + "." + frac;
    };
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }), fc.integer({ min: 0, max: 9 }), (n, scale) => {
        const x = new D(n.toString()).div(new D(10).pow(scale));
        expect(formatMoney(x)).toBe(reference(x));
      }),
      { numRuns: 5000 },
    );
  });
});
