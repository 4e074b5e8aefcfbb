import { z } from "zod";

/** Mainland China mobile numbers: 11 digits, 1 then 3–9. No Node APIs: usable in the browser too. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/**
 * Accept what people type or paste: spaces, hyphens, a +86 / 0086 prefix.
 * "+86 138-0000-0001" → "13800000001". Returns the input trimmed when it cannot be normalised.
 */
export function normalizePhone(input: string): string {
  let digits = input.replace(/[\s\-()（）]/g, "");
  if (digits.startsWith("+86")) digits = digits.slice(3);
  else if (digits.startsWith("0086")) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith("86")) digits = digits.slice(2);
  return digits;
}

export const phoneSchema = z
  .string()
  .transform(normalizePhone)
  .pipe(z.string().regex(MAINLAND_MOBILE));

/** The normalised number, or null when it is not a mainland mobile number. */
export function parsePhone(input: unknown): string | null {
  const result = phoneSchema.safeParse(input);
  return result.success ? result.data : null;
}
