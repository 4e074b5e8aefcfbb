/**
 * Grades as schools write them, to one scale: 幼儿园 小班 −2, 中班 −1, 大班 0; 一年级 1 … 六年级 6;
 * 初一 / 七年级 7 … 初三 / 九年级 9 (初四 for the 五四制); 高一 10 … 高三 12. Pure.
 */

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

const KINDERGARTEN: Record<string, number> = { 托班: -3, 小班: -2, 中班: -1, 大班: 0, 学前班: 0 };

function numberOf(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  if (text === "十一") return 11;
  if (text === "十二") return 12;
  return CHINESE_DIGITS[text] ?? null;
}

/** The grade on the scale above, or null when the text is not a grade we know. */
export function parseGrade(input: string): number | null {
  const text = input.normalize("NFKC").replace(/\s+/g, "");
  if (!text) return null;
  for (const [name, level] of Object.entries(KINDERGARTEN)) if (text.startsWith(name) || text === `幼儿园${name}`) return level;
  let m = /^(?:小学)?(\d{1,2}|[一二三四五六七八九]|十一|十二)年级/.exec(text);
  if (m) {
    const n = numberOf(m[1]);
    return n !== null && n >= 1 && n <= 12 ? n : null;
  }
  m = /^(初|初中|高|高中)([一二三四1-4])/.exec(text);
  if (m) {
    const n = numberOf(m[2]);
    if (n === null) return null;
    if (m[1].startsWith("初")) return n <= 4 ? 6 + n : null;
    return n <= 3 ? 9 + n : null;
  }
  return null;
}

/**
 * Age on 1 September of the school year at which pupils normally start a grade: 六周岁 for 一年级
 * (义务教育法 第十一条: 凡年满六周岁的儿童…应当送其入学), one more each year after.
 */
const SCHOOL_ENTRY_AGE = 6;
/** How far from the usual age a pupil may be before the row is flagged for a second look (early entry, repeated years, late entry in the countryside). */
const YOUNGER_TOLERANCE = 1;
const OLDER_TOLERANCE = 3;

/** Whole years between a birth date and a day, both "YYYY-MM-DD". */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [y, m, d] = day.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Whether the age fits the grade in the school year that starts on `schoolYearStart` ("YYYY-09-01"). */
export function ageFitsGrade(birthDate: string, grade: number, schoolYearStart: string): boolean {
  const age = ageOn(birthDate, schoolYearStart);
  const usual = SCHOOL_ENTRY_AGE + grade - 1;
  return age >= usual - YOUNGER_TOLERANCE && age <= usual + OLDER_TOLERANCE;
}

/** The 1 September that starts the school year a date falls in. */
export function schoolYearStartOf(day: string): string {
  const [y, m] = day.split("-").map(Number);
  return `${m >= 9 ? y : y - 1}-09-01`;
}
