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
