import Decimal from "decimal.js";
import type { Locale } from "@/lib/i18n/settings";

// Intl locales used for dates and numbers; both scripts use mainland conventions (¥, 元, 年月日).
const intlLocale: Record<Locale, string> = { "zh-Hans": "zh-Hans-CN", "zh-Hant": "zh-Hant-HK" };
export const displayTimeZone = "Asia/Shanghai";

/** Groups a money amount to two decimals (half up) without ever passing through a float. */
export function formatMoney(amount: string | Decimal, lng: Locale, style: "symbol" | "yuan" = "symbol"): string {
  const fixed = new Decimal(amount).toFixed(2, Decimal.ROUND_HALF_UP);
  const negative = fixed.startsWith("-");
  const [whole, fraction] = (negative ? fixed.slice(1) : fixed).split(".");
  const grouped = new Intl.NumberFormat(intlLocale[lng], { useGrouping: true }).format(BigInt(whole));
  const number = `${negative ? "-" : ""}${grouped}.${fraction}`;
  return style === "symbol" ? `¥${number}` : `${number} 元`;
}

/**
 * An approximate amount to the whole yuan ("¥7,800"), for a figure that rests on assumed values: shown with 约 so
 * it never reads as a promise. Display only: the amount itself stays at the fen.
 */
export function formatApproxMoney(amount: string | Decimal, lng: Locale): string {
  const whole = new Decimal(amount).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return `¥${new Intl.NumberFormat(intlLocale[lng], { useGrouping: true }).format(BigInt(whole.toFixed(0)))}`;
}

export function formatNumber(value: number | bigint, lng: Locale): string {
  return new Intl.NumberFormat(intlLocale[lng]).format(value);
}

export function formatDate(date: Date, lng: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[lng], {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: displayTimeZone,
  }).format(date);
}

export function formatDateTime(date: Date, lng: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[lng], {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: displayTimeZone,
  }).format(date);
}

/** A calendar date written as YYYY-MM-DD (policy dates, deadlines), shown as 年月日 without time-zone drift. */
export function formatCalendarDate(isoDate: string, lng: Locale): string {
  return formatDate(new Date(`${isoDate}T12:00:00+08:00`), lng);
}

/** A place's name (area, school) in the page's script, from its two stored names. */
export function localName(row: { nameZhHans: string; nameZhHant: string }, lng: Locale): string {
  return lng === "zh-Hant" ? row.nameZhHant : row.nameZhHans;
}
