import { z } from "zod";

/**
 * Environment variables the server reads, in one place.
 *
 * Values are read on every call (not cached at import) so tests can change
 * process.env, and so `next build` never bakes in the build machine's values.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).optional(),
  /** "1" turns on the public demo: SMS outbox page, demo keys and secrets when unset. */
  YIZHAN_DEMO: z.string().optional(),
  /** SQLite: "file:./data/yizhan.db" (relative to the repo root) or an absolute "file:/…". */
  DATABASE_URL: z.string().min(1).optional(),
  /** Base64 of 32 random bytes: encrypts personal fields and keys the lookup hashes. */
  YIZHAN_DATA_KEY: z.string().min(1).optional(),
  NEXTAUTH_SECRET: z.string().min(1).optional(),
  NEXTAUTH_URL: z.string().optional(),
  SMS_PROVIDER: z.string().min(1).optional(),
  SMS_API_URL: z.string().min(1).optional(),
  SMS_API_KEY: z.string().min(1).optional(),
  SMS_SIGN_NAME: z.string().min(1).optional(),
  /**
   * How many reverse proxies in front of the server append to X-Forwarded-For (nginx with
   * `proxy_add_x_forwarded_for`: 1). 0 (the default): the client's address is the socket's, and
   * X-Forwarded-* headers from clients are ignored.
   */
  YIZHAN_TRUSTED_PROXY_HOPS: z.string().regex(/^\d{1,2}$/, "a whole number of proxies, e.g. 0 or 1").optional(),
  /** Sign-in codes sent per hour across all numbers before sending stops and an alert is logged (default 1000). */
  YIZHAN_SMS_HOURLY_BUDGET: z.string().regex(/^[1-9]\d{0,6}$/, "a whole number of messages, e.g. 1000").optional(),
});

export type ServerEnv = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  // Empty strings (e.g. `FOO=` in a .env file) mean "unset".
  const cleaned = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => {
      const value = source[key];
      return [key, value === undefined || value.trim() === "" ? undefined : value.trim()];
    }),
  );
  return envSchema.parse(cleaned);
}

/** The public demo site (`YIZHAN_DEMO=1`): shows the SMS outbox page and uses demo fallbacks. */
export function isDemoMode(env: ServerEnv = readEnv()): boolean {
  return env.YIZHAN_DEMO === "1";
}

export function isProduction(env: ServerEnv = readEnv()): boolean {
  return env.NODE_ENV === "production";
}

/**
 * May a missing secret be replaced by a fixed, public demo value?
 * Yes in demo mode and outside production (dev, tests); never in a real deployment.
 */
export function allowsDemoFallbacks(env: ServerEnv = readEnv()): boolean {
  return isDemoMode(env) || !isProduction(env);
}

/** Reverse proxies trusted to report the client's address and scheme (YIZHAN_TRUSTED_PROXY_HOPS, default 0). */
export function trustedProxyHops(env: ServerEnv = readEnv()): number {
  return Number(env.YIZHAN_TRUSTED_PROXY_HOPS ?? 0);
}

/** Default hourly budget of sign-in codes: far above a county's real use, far below an SMS-pumping bill. */
export const DEFAULT_SMS_HOURLY_BUDGET = 1000;

export function smsHourlyBudget(env: ServerEnv = readEnv()): number {
  return Number(env.YIZHAN_SMS_HOURLY_BUDGET ?? DEFAULT_SMS_HOURLY_BUDGET);
}

export const DEFAULT_DATABASE_URL = "file:./data/yizhan.db";

/** Thrown when a deployment lacks a setting it cannot run without. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

// On globalThis: Next bundles this module into several chunks, each with its own module state.
const warnedKey = Symbol.for("yizhan.warnedOnce");
const warned: Set<string> = ((globalThis as Record<symbol, Set<string> | undefined>)[warnedKey] ??= new Set<string>());

/** Log a warning once per process (demo fallbacks are used on every request). */
export function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(message);
}
