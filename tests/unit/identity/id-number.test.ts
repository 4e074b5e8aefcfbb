import { describe, expect, test } from "vitest";
import fc from "fast-check";
import {
  idNumberCheckCharacter,
  maskBankAccount,
  maskIdNumber,
  passesLuhn,
  validateBankAccount,
  validateIdNumber,
} from "@/lib/identity/id-number";

/**
 * Independent reference for the GB 11643-1999 check character, as ISO 7064 MOD 11-2 states it:
 * the weight of position i (counted from the right, check = 1) is 2^(i−1) mod 11, and the full
 * 18-character number must satisfy Σ aᵢ·Wᵢ ≡ 1 (mod 11), with X = 10.
 */
function referenceCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? "X" : String(c);
}

const TODAY = "2026-11-23";

describe("GB 11643-1999 check character", () => {
  test("the standard's worked example 11010519491231002X (北京朝阳, 1949-12-31, female)", () => {
    // Σ aᵢWᵢ over 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 with W = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    // = 167; 167 mod 11 = 2 → "10X98765432"[2] = X
    expect(idNumberCheckCharacter("11010519491231002")).toBe("X");
    expect(validateIdNumber("11010519491231002X", { today: TODAY })).toEqual({
      ok: true,
      value: "11010519491231002X",
      provinceCode: "11",
      birthDate: "1949-12-31",
      sex: "female",
    });
  });

  test("lower-case x, spaces and full-width digits are accepted and normalised", () => {
    for (const input of ["11010519491231002x", " 110105 19491231 002X ", "１１０１０５１９４９１２３１００２ｘ"]) {
      const r = validateIdNumber(input, { today: TODAY });
      expect(r.ok && r.value).toBe("11010519491231002X");
    }
  });

  test("agrees with the reference on random digit strings", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (first17) => {
        expect(idNumberCheckCharacter(first17)).toBe(referenceCheck(first17));
      }),
    );
  });
});

/** Synthetic valid numbers: a real province, a plausible birth date, any sequence, reference check. */
const validIdNumber = fc
  .record({
    province: fc.constantFrom("11", "21", "33", "45", "65", "15", "81"),
    rest: fc.stringMatching(/^\d{4}$/),
    birth: fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true }),
    seq: fc.stringMatching(/^\d{3}$/),
  })
  .map(({ province, rest, birth, seq }) => {
    const first17 = province + rest + birth.toISOString().slice(0, 10).replace(/-/g, "") + seq;
    return first17 + referenceCheck(first17);
  });

describe("validateIdNumber: every failure reason", () => {
  const valid = "45022319900307123" + referenceCheck("45022319900307123");
  test("the base case is valid (鹿寨 450223, 1990-03-07, male)", () => {
    expect(validateIdNumber(valid, { today: TODAY })).toMatchObject({ ok: true, sex: "male", provinceCode: "45" });
  });

  const withCheck = (first17: string) => first17 + referenceCheck(first17);
  test.each([
    ["length: 17 characters", valid.slice(0, 17), "length"],
    ["length: 19 characters", `${valid}1`, "length"],
    ["length: old 15-digit number", "450223900307123", "length"],
    ["length: empty", "", "length"],
    ["characters: a letter inside", `4502231990030712A${valid[17]}`, "characters"],
    ["characters: X not last", `X${valid.slice(1)}`, "characters"],
    ["characters: hyphen", `450223-1990030712${valid[17]}`.slice(0, 18), "characters"],
    ["region: 00 is no province", withCheck("00022319900307123"), "region"],
    ["region: 16 is unassigned", withCheck("16022319900307123"), "region"],
    ["region: 99", withCheck("99022319900307123"), "region"],
    ["birth-date: 1990-02-30", withCheck("45022319900230123"), "birth-date"],
    ["birth-date: month 13", withCheck("45022319901307123"), "birth-date"],
    ["birth-date: born tomorrow", withCheck("45022320261124123"), "birth-date"],
    ["birth-date: before 1900 (GB 11643's own 1880 example)", "440524188001010014", "birth-date"],
    ["check-digit: last digit off by one", valid.slice(0, 17) + ((Number(valid[17]) + 1) % 10), "check-digit"],
  ])("%s", (_label, input, reason) => {
    expect(validateIdNumber(input, { today: TODAY })).toEqual({ ok: false, reason });
  });

  test("born today is accepted", () => {
    expect(validateIdNumber(withCheck("45022320261123123"), { today: TODAY }).ok).toBe(true);
  });

  test("the 1880 example has the right check digit: only its birth date is implausible", () => {
    expect(idNumberCheckCharacter("44052418800101001")).toBe("4");
  });

  test("without `today`, the future is judged by China's date", () => {
    const nextYear = new Date().getUTCFullYear() + 1;
    expect(validateIdNumber(withCheck(`450223${nextYear}0101123`))).toEqual({ ok: false, reason: "birth-date" });
  });
});

describe("validateIdNumber properties", () => {
  test("synthetic valid numbers are accepted", () => {
    fc.assert(
      fc.property(validIdNumber, (id) => {
        expect(validateIdNumber(id, { today: TODAY }).ok).toBe(true);
      }),
    );
  });

  test("any single-digit change of a valid number is refused", () => {
    fc.assert(
      fc.property(validIdNumber, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (id, pos, delta) => {
        const alphabet = pos === 17 ? "0123456789X" : "0123456789";
        const from = alphabet.indexOf(id[pos]);
        const to = alphabet[(from + delta) % alphabet.length];
        fc.pre(to !== id[pos]);
        const changed = id.slice(0, pos) + to + id.slice(pos + 1);
        expect(validateIdNumber(changed, { today: TODAY }).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  test("any adjacent swap of two different digits is refused", () => {
    fc.assert(
      fc.property(validIdNumber, fc.integer({ min: 0, max: 16 }), (id, pos) => {
        fc.pre(id[pos] !== id[pos + 1]);
        const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2);
        expect(validateIdNumber(swapped, { today: TODAY }).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("maskIdNumber (lib/crypto/mask, re-exported)", () => {
  test("first 3 and last 4 kept, birth date hidden", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("110***********002X");
  });
});

describe("validateBankAccount: 12–19 digits; Luhn only warns", () => {
  test("a Luhn-valid 19-digit card with spaces", () => {
    const body = "622202123456789012";
    const check = [...Array(10).keys()].find((d) => passesLuhnReference(body + d))!;
    const r = validateBankAccount(`6222 0212 3456 7890 12${check}`);
    expect(r).toEqual({ ok: true, value: body + check, luhnValid: true, warnings: [] });
  });
  test("the textbook Luhn example 79927398713 is valid Luhn but too short for an account", () => {
    expect(passesLuhn("79927398713")).toBe(true);
    expect(validateBankAccount("79927398713")).toEqual({ ok: false, reason: "length" });
  });
  test("a 存折-style account that fails Luhn is accepted with a warning", () => {
    const account = "2101000000012345";
    expect(passesLuhnReference(account)).toBe(false);
    expect(validateBankAccount(account)).toEqual({ ok: true, value: account, luhnValid: false, warnings: ["luhn"] });
  });
  test.each([
    ["11 digits", "12345678901", "length"],
    ["20 digits", "12345678901234567890", "length"],
    ["a letter", "6222O21234567890123", "characters"],
    ["empty", "", "length"],
  ])("%s → %s", (_l, input, reason) => {
    expect(validateBankAccount(input)).toEqual({ ok: false, reason });
  });
  test("hyphens and full-width digits are accepted", () => {
    expect(validateBankAccount("６２２２-0212-3456-7890")).toMatchObject({ ok: true, value: "6222021234567890" });
  });
  test("passesLuhn agrees with the reference", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12,19}$/), (digits) => {
        expect(passesLuhn(digits)).toBe(passesLuhnReference(digits));
      }),
    );
  });
});

/** Luhn as ISO/IEC 7812-1 Annex B words it: double every second digit from the right, sum digits. */
function passesLuhnReference(digits: string): boolean {
  const reversed = [...digits].reverse().map(Number);
  const total = reversed
    .map((d, i) => (i % 2 === 1 ? d * 2 : d))
    .map((d) => Math.floor(d / 10) + (d % 10))
    .reduce((a, b) => a + b, 0);
  return total % 10 === 0;
}

describe("maskBankAccount", () => {
  test("only the last 4 digits show, length kept", () => {
    expect(maskBankAccount("6222021234567890123")).toBe("***************0123");
    expect(maskBankAccount("6222 0212 3456 7890")).toBe("************7890");
  });
  test("short values are fully masked", () => {
    expect(maskBankAccount("1234567")).toBe("*******");
  });
});
