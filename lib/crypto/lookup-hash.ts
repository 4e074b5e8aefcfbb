import { createHmac, timingSafeEqual } from "node:crypto";
import { deriveKey, getDataKey, type KeyPurpose } from "@/lib/crypto/keys";

/**
 * Keyed hashes (HMAC-SHA256, hex) for finding a record by a personal value
 * without storing the value in clear. Unlike encryption these are
 * deterministic, so the same phone number always finds the same citizen.
 */
export function keyedHash(purpose: KeyPurpose, value: string, dataKey: Buffer = getDataKey()): string {
  return createHmac("sha256", deriveKey(purpose, dataKey)).update(value, "utf8").digest("hex");
}

/** Lookup hash of a normalised mainland mobile number (see normalizePhone). */
export function hashPhone(phone: string, dataKey?: Buffer): string {
  return keyedHash("lookup-hash/phone", phone, dataKey);
}

/**
 * A person's full name as staff type it: Unicode NFKC (full-width → half-width), no spaces or the
 * middle dot of transliterated names, Latin letters lower-cased. Exact match only, on purpose.
 */
export function normalizeName(name: string): string {
  return name.normalize("NFKC").replace(/[\s·•・.]/gu, "").toLowerCase();
}

/** Lookup hash of an applicant's full name (see normalizeName), for the staff queue's search. */
export function hashName(name: string, dataKey?: Buffer): string {
  return keyedHash("lookup-hash/name", normalizeName(name), dataKey);
}

/** An ID number as people type it: NFKC (full-width digits), no spaces, the check character upper-case. */
export function normalizeIdNumber(idNumber: string): string {
  return idNumber.normalize("NFKC").replace(/\s/gu, "").toUpperCase();
}

/**
 * Lookup hash of a resident ID number (see normalizeIdNumber): how the desk, school rosters,
 * funding lists and registries find the same person without storing the number in clear.
 */
export function hashIdNumber(idNumber: string, dataKey?: Buffer): string {
  return keyedHash("lookup-hash/id-number", normalizeIdNumber(idNumber), dataKey);
}

/** Hash of a client IP for rate limits and login-code records. */
export function hashIp(ip: string, dataKey?: Buffer): string {
  return keyedHash("lookup-hash/ip", ip, dataKey);
}

/** Constant-time comparison of two hex digests. */
export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
