import { randomInt } from "node:crypto";
import type { RateLimit } from "@/lib/auth/rate-limit";
import { keyedHash } from "@/lib/crypto/lookup-hash";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Tracking codes: for applicants without a phone, the reference printed on the 受理回执 together
 * with this code shows the application's status and nothing personal (no name, no amount, no
 * documents' contents). Only a keyed hash of reference + code is stored; printing a new receipt
 * issues a new code and the old one stops working. Wrong codes are rate-limited like one-time codes.
 */
export const TRACKING_CODE_POLICY = {
  /** Eight digits: read out and typed easily by older applicants; 10^8 codes against at most 20 tries a day. */
  length: 8,
  /** Tries per reference (right or wrong), counted before comparing so parallel guesses count too. */
  perReference: [
    { windowSeconds: 60 * 60, max: 10 },
    { windowSeconds: 24 * 60 * 60, max: 20 },
  ] satisfies RateLimit[],
  perIp: [{ windowSeconds: 60 * 60, max: 30 }] satisfies RateLimit[],
} as const;

export function generateTrackingCode(): string {
  return randomInt(0, 10 ** TRACKING_CODE_POLICY.length).toString().padStart(TRACKING_CODE_POLICY.length, "0");
}

/** The code as typed: full-width digits, spaces and dashes allowed ("1234 5678", "１２３４-５６７８"); null if not 8 digits. */
export function normalizeTrackingCode(input: string): string | null {
  const digits = input.normalize("NFKC").replace(/[\s-]/g, "");
  return new RegExp(`^\\d{${TRACKING_CODE_POLICY.length}}$`).test(digits) ? digits : null;
}

/** "12345678" → "1234 5678", as printed. */
export function formatTrackingCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}

export function hashTrackingCode(reference: string, code: string): string {
  return keyedHash("tracking-code", `${reference}:${code}`);
}

/**
 * A new tracking code for a submitted application (at submit, or when a receipt is printed again):
 * stored hashed; the clear code is returned once, for the paper.
 */
export async function issueTrackingCode(db: Db | Prisma.TransactionClient, applicationId: string): Promise<{ reference: string; code: string } | null> {
  const row = await db.application.findUnique({ where: { id: applicationId }, select: { reference: true, status: true } });
  if (!row?.reference || row.status === "draft") return null;
  const code = generateTrackingCode();
  await db.application.update({ where: { id: applicationId }, data: { trackingCodeHash: hashTrackingCode(row.reference, code) } });
  return { reference: row.reference, code };
}
