import type { Prisma } from "@/lib/generated/prisma/client";

export interface RateLimit {
  windowSeconds: number;
  max: number;
}

export interface RateLimitBucket {
  /** What is limited, e.g. "otp-phone". */
  scope: string;
  /** Whose action: a keyed hash, never a raw phone number or IP. */
  key: string;
  limits: readonly RateLimit[];
}

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number; blockedScopes: string[] };

/**
 * Check every bucket; if all allow one more action, record it in each and
 * return ok. Otherwise record nothing and say how long until the tightest
 * blocking window frees a slot. Run inside a transaction so concurrent
 * requests cannot both take the last slot.
 */
export async function consumeRateLimits(
  tx: Prisma.TransactionClient,
  buckets: readonly RateLimitBucket[],
  now: Date,
): Promise<RateLimitResult> {
  let retryAfterSeconds = 0;
  const blockedScopes: string[] = [];
  for (const bucket of buckets) {
    for (const limit of bucket.limits) {
      const since = new Date(now.getTime() - limit.windowSeconds * 1000);
      // The max-th newest event in the window, if there is one: it must leave the window before another is allowed.
      // (Skipping to it, rather than reading all `max` rows, keeps a large budget like the global one cheap.)
      const oldestCounted = await tx.rateLimitEvent.findFirst({
        where: { scope: bucket.scope, key: bucket.key, createdAt: { gt: since } },
        orderBy: { createdAt: "desc" },
        skip: limit.max - 1,
        select: { createdAt: true },
      });
      if (oldestCounted) {
        const freesAt = oldestCounted.createdAt.getTime() + limit.windowSeconds * 1000;
        retryAfterSeconds = Math.max(retryAfterSeconds, Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000)));
        if (!blockedScopes.includes(bucket.scope)) blockedScopes.push(bucket.scope);
      }
    }
  }
  if (retryAfterSeconds > 0) return { ok: false, retryAfterSeconds, blockedScopes };
  await tx.rateLimitEvent.createMany({
    data: buckets.map((bucket) => ({ scope: bucket.scope, key: bucket.key, createdAt: now })),
  });
  return { ok: true };
}

/** Forget events older than the longest window (called now and then; cheap with the createdAt index). */
export async function pruneRateLimitEvents(
  db: Pick<Prisma.TransactionClient, "rateLimitEvent">,
  now: Date,
  olderThanSeconds: number,
): Promise<void> {
  await db.rateLimitEvent.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - olderThanSeconds * 1000) } } });
}
