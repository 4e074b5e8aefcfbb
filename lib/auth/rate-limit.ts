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

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

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
  for (const bucket of buckets) {
    for (const limit of bucket.limits) {
      const since = new Date(now.getTime() - limit.windowSeconds * 1000);
      // The newest `max` events in the window; if there are `max`, the oldest of them must leave the window first.
      const recent = await tx.rateLimitEvent.findMany({
        where: { scope: bucket.scope, key: bucket.key, createdAt: { gt: since } },
        orderBy: { createdAt: "desc" },
        take: limit.max,
        select: { createdAt: true },
      });
      if (recent.length >= limit.max) {
        const freesAt = recent[limit.max - 1].createdAt.getTime() + limit.windowSeconds * 1000;
        retryAfterSeconds = Math.max(retryAfterSeconds, Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000)));
      }
    }
  }
  if (retryAfterSeconds > 0) return { ok: false, retryAfterSeconds };
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
