import { formatDate } from "./format";
import type { TFunction } from "i18next";

/** Codes the application forms can answer with (lib/applications/draft-schema.ts). */
export const APPLY_ERROR_CODES = [
  "required",
  "too-long",
  "invalid",
  "phone",
  "amount",
  "household-size",
  "id-number-length",
  "id-number-characters",
  "id-number-region",
  "id-number-birth-date",
  "id-number-check-digit",
  "bank-characters",
  "bank-length",
  "declaration-required",
  "consent-required",
] as const;

export function errorMessages(t: TFunction): Record<string, string> {
  return Object.fromEntries(APPLY_ERROR_CODES.map((c) => [c, t(`errors.${c}`)]));
}

/** A China calendar date ("2026-11-24") in the page's script. */
export function formatCalendarDate(date: string, lng: "zh-Hans" | "zh-Hant"): string {
  return formatDate(new Date(`${date}T12:00:00+08:00`), lng);
}
