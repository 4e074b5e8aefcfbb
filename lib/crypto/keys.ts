import { createHash, hkdfSync } from "node:crypto";
import { allowsDemoFallbacks, ConfigError, readEnv, warnOnce, type ServerEnv } from "@/lib/config/env";

/**
 * The data key (YIZHAN_DATA_KEY, base64 of 32 bytes) is input keying material
 * only: each use gets its own subkey through HKDF, so the key that encrypts
 * phone numbers is not the key that hashes them for lookup.
 */
export type KeyPurpose =
  | "field-encryption/v1"
  | "file-encryption/v1"
  | "lookup-hash/phone"
  | "lookup-hash/name"
  | "lookup-hash/id-number"
  | "lookup-hash/ip"
  | "login-code"
  | "one-time-code/desk-consent"
  | "tracking-code"
  | "parent-link";

// Public on purpose: demo and development data is fake and disposable.
const DEMO_DATA_KEY = createHash("sha256").update("yizhan demo data key: public, never for real data").digest();

export function parseDataKey(base64: string): Buffer {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) {
    throw new ConfigError(
      `YIZHAN_DATA_KEY must be base64 of exactly 32 bytes (got ${key.length}). Generate one with: openssl rand -base64 32`,
    );
  }
  return key;
}

/**
 * The configured data key; the public demo key in demo mode or outside
 * production (with a warning); a ConfigError in production without one.
 */
export function getDataKey(env: ServerEnv = readEnv()): Buffer {
  if (env.YIZHAN_DATA_KEY) return parseDataKey(env.YIZHAN_DATA_KEY);
  if (allowsDemoFallbacks(env)) {
    warnOnce(
      "demo-data-key",
      "[yizhan] YIZHAN_DATA_KEY is not set: using the PUBLIC demo key. Personal data stored now is readable by anyone. Never do this with real data.",
    );
    return DEMO_DATA_KEY;
  }
  throw new ConfigError("YIZHAN_DATA_KEY is not set. Production refuses to store personal data without it.");
}

/** Subkeys already derived, by purpose and data key: HKDF per value made a 5,000-row import spend seconds in key derivation. */
const derived = new Map<string, Buffer>();

export function deriveKey(purpose: KeyPurpose, dataKey: Buffer = getDataKey()): Buffer {
  const cacheKey = `${purpose}\u0000${dataKey.toString("base64")}`;
  let key = derived.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", dataKey, "yizhan", purpose, 32));
    // A handful of purposes × the configured key (tests add a few more): bounded, but keep it so.
    if (derived.size > 64) derived.clear();
    derived.set(cacheKey, key);
  }
  return Buffer.from(key);
}
