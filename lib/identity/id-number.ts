/**
 * 居民身份证 numbers (GB 11643-1999 公民身份号码) and bank account numbers for payment.
 * Pure functions, no Node APIs: usable in the browser for inline errors and on the server.
 *
 * Written here rather than taken from npm: the maintained candidates (`validid` 3.0.0,
 * `id-validator` 1.3.0, `idcard` 4.2.0) either judge "not in the future" by the host's local date
 * instead of China's, skip the region check, or carry a full GB/T 2260 county table and 15-digit
 * legacy support we do not want; none returns our reason codes. The algorithm is 20 lines.
 *
 * Phone numbers: already handled by lib/auth/phone.ts (`normalizePhone`, `parsePhone`) and
 * lib/crypto/mask.ts (`maskPhone`); the ID mask is lib/crypto/mask.ts's, re-exported below so the
 * app has one way to mask.
 */
import { chinaDateOf } from "@/lib/calendar/china-date";
export { maskIdNumber } from "@/lib/crypto/mask";

export type IdNumberFailure = "length" | "characters" | "region" | "birth-date" | "check-digit";

export type IdNumberResult =
  | {
      ok: true;
      /** Normalised: 18 characters, upper-case X. */
      value: string;
      /** First two digits: province-level code (GB/T 2260). */
      provinceCode: string;
      /** "YYYY-MM-DD". */
      birthDate: string;
      /** From the 17th digit: odd male, even female. */
      sex: "male" | "female";
    }
  | { ok: false; reason: IdNumberFailure };

/**
 * Province-level codes that begin a 公民身份号码 (GB/T 2260), plus 81/82/83 used by the
 * 港澳台居民居住证 numbers, which follow the same GB 11643 structure and check digit.
 */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  "11", "12", "13", "14", "15", // 北京 天津 河北 山西 内蒙古
  "21", "22", "23", // 辽宁 吉林 黑龙江
  "31", "32", "33", "34", "35", "36", "37", // 上海 江苏 浙江 安徽 福建 江西 山东
  "41", "42", "43", "44", "45", "46", // 河南 湖北 湖南 广东 广西 海南
  "50", "51", "52", "53", "54", // 重庆 四川 贵州 云南 西藏
  "61", "62", "63", "64", "65", // 陕西 甘肃 青海 宁夏 新疆
  "71", // 台湾
  "81", "82", "83", // 香港 澳门 台湾 (居住证)
]);

/** GB 11643-1999 §7: weights Wi = 2^(i−1) mod 11 for positions 18…2, check = "10X98765432"[Σ mod 11]. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

/** Oldest birth date accepted as plausible. */
const EARLIEST_BIRTH = "1900-01-01";

/** The GB 11643 check character for the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError("idNumberCheckCharacter needs exactly 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Full-width to ASCII, spaces removed, x → X. */
function normalizeIdNumber(input: string): string {
  return input.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * Validates a 18-character 居民身份证 number. Checks, in order: length, characters (17 digits then
 * a digit or X), region (a province-level code), birth date (a real date, 1900-01-01 or later and
 * not after `today`, China's date by default), check digit.
 */
export function validateIdNumber(input: string, options: { today?: string } = {}): IdNumberResult {
  const value = normalizeIdNumber(typeof input === "string" ? input : "");
  if (value.length !== 18) return { ok: false, reason: "length" };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: "characters" };
  const provinceCode = value.slice(0, 2);
  if (!PROVINCE_CODES.has(provinceCode)) return { ok: false, reason: "region" };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const today = options.today ?? chinaDateOf(new Date());
  if (!isRealDate(birthDate) || birthDate < EARLIEST_BIRTH || birthDate > today) {
    return { ok: false, reason: "birth-date" };
  }
  if (idNumberCheckCharacter(value.slice(0, 17)) !== value[17]) return { ok: false, reason: "check-digit" };
  return { ok: true, value, provinceCode, birthDate, sex: Number(value[16]) % 2 === 1 ? "male" : "female" };
}

export type BankAccountResult =
  | {
      ok: true;
      /** Digits only. */
      value: string;
      /** Whether the number passes the Luhn (ISO/IEC 7812) check. */
      luhnValid: boolean;
      /** "luhn" when it does not: show "please check the number" but let it through. */
      warnings: "luhn"[];
    }
  | { ok: false; reason: "characters" | "length" };

/**
 * Account for paying the relief. 12–19 digits once spaces and hyphens are removed.
 *
 * The Luhn check is only a warning: 银联 card numbers (ISO/IEC 7812, 16–19 digits) carry a Luhn
 * check digit, but payment often goes to a 存折 account or a 社保卡 / 惠民惠农 一卡通 account, whose
 * numbers are the bank's internal account numbers with no public check scheme; developers' notes
 * also mention real cards that fail it (unverified). A wrong number is caught when the bank returns
 * the payment; refusing a real account here would block help.
 */
export function validateBankAccount(input: string): BankAccountResult {
  const value = (typeof input === "string" ? input : "").normalize("NFKC").replace(/[\s-]/g, "");
  if (!/^\d*$/.test(value)) return { ok: false, reason: "characters" };
  if (value.length < 12 || value.length > 19) return { ok: false, reason: "length" };
  const luhnValid = passesLuhn(value);
  return { ok: true, value, luhnValid, warnings: luhnValid ? [] : ["luhn"] };
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * "6222021234567890123" → "***************0123": only the last 4 digits (what banks print as
 * 尾号), same length so it still looks like the number. Anything shorter than 8 is fully masked.
 */
export function maskBankAccount(account: string): string {
  const value = account.normalize("NFKC").replace(/[\s-]/g, "");
  if (value.length < 8) return "*".repeat(value.length);
  return "*".repeat(value.length - 4) + value.slice(-4);
}
