import { allowsDemoFallbacks, readEnv, warnOnce, type ServerEnv } from "@/lib/config/env";

// Public on purpose: demo sessions are worthless to forge.
const DEMO_SECRET = "yizhan-demo-nextauth-secret: public, never use in a real deployment";

/**
 * NEXTAUTH_SECRET signs and encrypts session cookies. In demo mode or outside
 * production a public demo secret stands in (with a warning); in production
 * without it the answer is undefined and next-auth refuses every request
 * (NO_SECRET), so a misconfigured site never issues forgeable sessions.
 */
export function getAuthSecret(env: ServerEnv = readEnv()): string | undefined {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (allowsDemoFallbacks(env)) {
    warnOnce("demo-auth-secret", "[yizhan] NEXTAUTH_SECRET is not set: using the PUBLIC demo secret. Anyone can forge sessions.");
    return DEMO_SECRET;
  }
  warnOnce("missing-auth-secret", "[yizhan] NEXTAUTH_SECRET is not set: sign-in and sessions are refused in production.");
  return undefined;
}
