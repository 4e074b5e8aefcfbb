/**
 * Masking for display and logs. No Node APIs: safe in client components.
 */

/** "13800000001" → "138****0001". Anything else keeps at most its last 2 characters. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[\s-]/g, "");
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length <= 2) return "*".repeat(digits.length);
  return `${"*".repeat(digits.length - 2)}${digits.slice(-2)}`;
}

/**
 * Resident ID number (18 characters, last may be X) → first 3 and last 4 kept:
 * "110101199003074518" → "110***********4518". Shorter values keep their last 2.
 */
export function maskIdNumber(idNumber: string): string {
  const value = idNumber.trim().toUpperCase();
  if (value.length >= 15) return `${value.slice(0, 3)}${"*".repeat(value.length - 7)}${value.slice(-4)}`;
  if (value.length <= 2) return "*".repeat(value.length);
  return `${"*".repeat(value.length - 2)}${value.slice(-2)}`;
}

/**
 * A person's name for lists (teachers, desks, caseworkers): the first character and, for names of
 * three or more characters, the last; the rest starred. "张三" → "张*", "欧阳小明" → "欧**明".
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.length ? "*" : "";
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
