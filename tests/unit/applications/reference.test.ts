import { describe, expect, test } from "vitest";
import fc from "fast-check";
import {
  AREA_PREFIXES,
  formatReference,
  MAX_SEQUENCE,
  mod37_2CheckCharacter,
  parseReference,
} from "@/lib/applications/reference";

/**
 * Independent check of ISO/IEC 7064 MOD 37-2 as the standard states it for a pure system: with the
 * check character in place, Σ value(cᵢ)·2^(n−i) over all n characters ≡ 1 (mod 37), where
 * 0-9 → 0-9, A-Z → 10-35, * → 36.
 */
const SYMBOLS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";
function satisfiesMod37_2(full: string): boolean {
  let sum = 0;
  let weight = 1;
  for (let i = full.length - 1; i >= 0; i--) {
    sum = (sum + SYMBOLS.indexOf(full[i]) * weight) % 37;
    weight = (weight * 2) % 37;
  }
  return sum === 1;
}

const compact = (ref: string) => ref.replace(/-/g, "");

describe("formatReference", () => {
  test.each([
    ["450223", "LZ", "鹿寨"],
    ["330111", "FY", "富阳"],
    ["650100", "WL", "乌鲁木齐"],
    ["210100", "SY", "沈阳"],
    ["150100", "YZ", "an area without its own prefix (呼和浩特)"],
  ])("area %s → prefix %s (%s)", (areaCode, prefix) => {
    const ref = formatReference({ areaCode, year: 2026, sequence: 123 });
    expect(ref).toMatch(new RegExp(`^${prefix}2026-000123-[0-9A-Z*]$`));
    expect(satisfiesMod37_2(compact(ref))).toBe(true);
  });

  test("LZ2026-000123: the check character satisfies ISO 7064 MOD 37-2", () => {
    const ref = formatReference({ areaCode: "450223", year: 2026, sequence: 123 });
    expect(ref.slice(0, 13)).toBe("LZ2026-000123");
    expect(ref.slice(-1)).toBe(mod37_2CheckCharacter("LZ2026000123"));
    expect(satisfiesMod37_2(compact(ref))).toBe(true);
  });

  test("the 37th symbol '*' occurs and round-trips", () => {
    let seq = 1;
    while (mod37_2CheckCharacter(`LZ2026${String(seq).padStart(6, "0")}`) !== "*") seq++;
    const ref = formatReference({ areaCode: "450223", year: 2026, sequence: seq });
    expect(ref.endsWith("-*")).toBe(true);
    expect(parseReference(ref)?.sequence).toBe(seq);
    expect(parseReference(ref.replace("*", "＊"))?.reference).toBe(ref);
  });

  test.each([
    { year: 1999, sequence: 1 },
    { year: 2026, sequence: 0 },
    { year: 2026, sequence: MAX_SEQUENCE + 1 },
    { year: 2026, sequence: 1.5 },
  ])("refuses out-of-range parts %o", (parts) => {
    expect(() => formatReference({ areaCode: "450223", ...parts })).toThrow(RangeError);
  });
});

describe("parseReference is tolerant of how people type", () => {
  const ref = formatReference({ areaCode: "450223", year: 2026, sequence: 123 });
  const check = ref.slice(-1);
  test.each([
    ["canonical", ref],
    ["lower case", ref.toLowerCase()],
    ["no hyphens", compact(ref)],
    ["spaces", ` LZ 2026 000123 ${check} `],
    ["full-width", "ＬＺ２０２６－０００１２３－" + String.fromCharCode(check.charCodeAt(0) + 0xfee0)],
    ["ideographic space and em dash", `LZ2026\u3000000123—${check}`],
  ])("%s", (_label, text) => {
    expect(parseReference(text)).toEqual({
      reference: ref,
      prefix: "LZ",
      areaCode: "450223",
      year: 2026,
      sequence: 123,
    });
  });

  test("fallback prefix YZ parses with no area", () => {
    const yz = formatReference({ areaCode: "999999", year: 2027, sequence: 5 });
    expect(parseReference(yz)).toMatchObject({ prefix: "YZ", areaCode: null, year: 2027, sequence: 5 });
  });

  test.each([
    ["empty", ""],
    ["too short", "LZ2026-00123-7"],
    ["letters in the sequence", "LZ2026-0001B3-7"],
    ["unknown prefix", "QQ2026-000123-" + mod37_2CheckCharacter("QQ2026000123")],
    ["sequence 0", "LZ2026-000000-" + mod37_2CheckCharacter("LZ2026000000")],
    ["year before 2000", "LZ1999-000123-" + mod37_2CheckCharacter("LZ1999000123")],
    ["extra character", `${ref}0`],
  ])("rejects %s", (_label, text) => {
    expect(parseReference(text)).toBeNull();
  });
});

describe("typos are detected (properties)", () => {
  const parts = fc.record({
    areaCode: fc.constantFrom(...Object.keys(AREA_PREFIXES), "000000"),
    year: fc.integer({ min: 2000, max: 2099 }),
    sequence: fc.integer({ min: 1, max: MAX_SEQUENCE }),
  });

  test("every reference formatted satisfies MOD 37-2 and parses back to itself", () => {
    fc.assert(
      fc.property(parts, (p) => {
        const ref = formatReference(p);
        expect(satisfiesMod37_2(compact(ref))).toBe(true);
        expect(parseReference(ref)).toMatchObject({ reference: ref, year: p.year, sequence: p.sequence });
      }),
    );
  });

  test("every single-character substitution is rejected (canonical and compact forms)", () => {
    fc.assert(
      fc.property(parts, (p) => {
        const ref = formatReference(p);
        const accepted: string[] = [];
        for (const form of [ref, compact(ref)]) {
          for (let i = 0; i < form.length; i++) {
            if (form[i] === "-") continue; // separators are ignored by design
            for (const sub of SYMBOLS) {
              if (sub === form[i]) continue;
              const typo = form.slice(0, i) + sub + form.slice(i + 1);
              if (parseReference(typo) !== null) accepted.push(typo);
            }
          }
        }
        expect(accepted).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test("every adjacent transposition of two different characters is rejected", () => {
    fc.assert(
      fc.property(parts, (p) => {
        const ref = formatReference(p);
        const accepted: string[] = [];
        for (const form of [ref, compact(ref)]) {
          for (let i = 0; i + 1 < form.length; i++) {
            const [a, b] = [form[i], form[i + 1]];
            if (a === b || a === "-" || b === "-") continue;
            const typo = form.slice(0, i) + b + a + form.slice(i + 2);
            if (parseReference(typo) !== null) accepted.push(typo);
          }
        }
        expect(accepted).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  test("exhaustively for SY2026-000001 … SY2026-002000: no substitution or adjacent swap keeps MOD 37-2 valid", () => {
    const undetected: string[] = [];
    for (let s = 1; s <= 2000; s++) {
      const body = `SY2026${String(s).padStart(6, "0")}`;
      const full = body + mod37_2CheckCharacter(body);
      for (let i = 0; i < full.length; i++) {
        for (const sub of SYMBOLS) {
          const typo = full.slice(0, i) + sub + full.slice(i + 1);
          if (sub !== full[i] && satisfiesMod37_2(typo)) undetected.push(typo);
        }
        if (i + 1 < full.length && full[i] !== full[i + 1]) {
          const swap = full.slice(0, i) + full[i + 1] + full[i] + full.slice(i + 2);
          if (satisfiesMod37_2(swap)) undetected.push(swap);
        }
      }
    }
    expect(undetected).toEqual([]);
  });
});
