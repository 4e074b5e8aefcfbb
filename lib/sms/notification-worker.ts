import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { decryptField } from "@/lib/crypto/field-encryption";
import type { SmsSender } from "@/lib/sms/types";
import { applicationSms, smsScript } from "@/lib/sms/templates";

/**
 * The SMS side of Notification rows (the outbox of lib/applications/service.ts). A row is written
 * `pending` in the transaction that changes the application; the request that committed it sends
 * it at once, and this worker retries whatever a crash or a gateway failure left pending:
 *
 *  - each attempt is claimed first (attempt count +1, next attempt moved out by the backoff) with a
 *    compare-and-set, so the request and the worker, or two servers, never both send one message,
 *    and a crash in the middle of a send leaves the row to be retried after the backoff;
 *  - the delay doubles from SMS_RETRY_BASE_SECONDS up to SMS_RETRY_MAX_DELAY_SECONDS;
 *  - after SMS_RETRY_MAX_ATTEMPTS failures the row turns `failed` with the reason in smsLastError,
 *    an AuditLog row (`notification.sms-failed`, the application's reference) and an error log line.
 */

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const configSchema = z.object({
  SMS_RETRY_MAX_ATTEMPTS: positiveInt(8),
  SMS_RETRY_BASE_SECONDS: positiveInt(30),
  SMS_RETRY_MAX_DELAY_SECONDS: positiveInt(60 * 60),
  SMS_WORKER_INTERVAL_SECONDS: positiveInt(30),
});

export type SmsRetryConfig = {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  intervalMs: number;
};

/** The retry settings from the environment (documented in README's production section). */
export function readSmsRetryConfig(source: Record<string, string | undefined> = process.env): SmsRetryConfig {
  const pick = (key: keyof z.infer<typeof configSchema>) => (source[key]?.trim() ? source[key]!.trim() : undefined);
  const env = configSchema.parse(Object.fromEntries(Object.keys(configSchema.shape).map((key) => [key, pick(key as keyof z.infer<typeof configSchema>)])));
  return {
    maxAttempts: env.SMS_RETRY_MAX_ATTEMPTS,
    baseDelayMs: env.SMS_RETRY_BASE_SECONDS * 1000,
    maxDelayMs: env.SMS_RETRY_MAX_DELAY_SECONDS * 1000,
    intervalMs: env.SMS_WORKER_INTERVAL_SECONDS * 1000,
  };
}

/** How long after its `attempt`-th attempt (1-based) a message waits before the next. */
export function retryDelayMs(attempt: number, config: Pick<SmsRetryConfig, "baseDelayMs" | "maxDelayMs">): number {
  return Math.min(config.baseDelayMs * 2 ** Math.max(0, attempt - 1), config.maxDelayMs);
}

export type SendReport = { sent: number; retrying: number; failed: number };

/**
 * Send the notification SMS that are due: pending, and either never tried or past their backoff.
 * Never throws for a gateway failure (the row records it); `applicationId` narrows to one case.
 */
export async function sendDueNotifications(
  db: PrismaClient,
  sms: SmsSender,
  options: { config?: SmsRetryConfig; now?: () => Date; applicationId?: string; limit?: number; log?: (line: string) => void } = {},
): Promise<SendReport> {
  const config = options.config ?? readSmsRetryConfig();
  const clock = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.error(line));
  const at = clock();
  const due = await db.notification.findMany({
    where: {
      smsStatus: "pending",
      OR: [{ smsNextAttemptAt: null }, { smsNextAttemptAt: { lte: at } }],
      ...(options.applicationId ? { applicationId: options.applicationId } : {}),
    },
    include: { citizen: { select: { phoneEncrypted: true, preferredScript: true } }, application: { select: { reference: true } } },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 50,
  });
  const report: SendReport = { sent: 0, retrying: 0, failed: 0 };
  for (const n of due) {
    const attempt = n.smsAttempts + 1;
    const claimed = await db.notification.updateMany({
      where: { id: n.id, smsStatus: "pending", smsAttempts: n.smsAttempts },
      data: { smsAttempts: attempt, smsNextAttemptAt: new Date(at.getTime() + retryDelayMs(attempt, config)) },
    });
    if (claimed.count !== 1) continue; // another sender has it
    const params = JSON.parse(n.paramsJson) as { reference?: string; dueOn?: string | null };
    try {
      // What to do and by when, in the applicant's script; never the status or an amount (lib/sms/templates.ts).
      const message = applicationSms(n.kind, params, smsScript(n.citizen.preferredScript));
      await sms.send({ to: decryptField(n.citizen.phoneEncrypted), ...message });
      await db.notification.update({ where: { id: n.id }, data: { smsStatus: "sent", smsSentAt: clock(), smsNextAttemptAt: null, smsLastError: null } });
      report.sent += 1;
    } catch (error) {
      const reason = ((error as Error)?.message ?? String(error)).slice(0, 500);
      if (attempt >= config.maxAttempts) {
        await db.$transaction([
          db.notification.update({ where: { id: n.id }, data: { smsStatus: "failed", smsNextAttemptAt: null, smsLastError: reason } }),
          db.auditLog.create({
            data: { actorType: "system", action: "notification.sms-failed", target: n.application?.reference ?? n.id, reason: `after ${attempt} attempts: ${reason}`.slice(0, 1000) },
          }),
        ]);
        log(`[sms] gave up on notification ${n.id} (${n.application?.reference ?? "no reference"}) after ${attempt} attempts: ${reason}`);
        report.failed += 1;
      } else {
        await db.notification.update({ where: { id: n.id }, data: { smsLastError: reason } });
        report.retrying += 1;
      }
    }
  }
  return report;
}

export type NotificationWorker = { stop(): void };

/**
 * Run sendDueNotifications every `intervalMs` (production server, server.ts). A run that throws
 * (database busy, gateway config) is logged and the wait doubles, up to `maxDelayMs`, until a run
 * succeeds. The timer does not keep the process alive.
 */
export function startNotificationWorker(
  db: PrismaClient,
  sms: SmsSender,
  options: { config?: SmsRetryConfig; log?: (line: string) => void } = {},
): NotificationWorker {
  const config = options.config ?? readSmsRetryConfig();
  const log = options.log ?? ((line: string) => console.error(line));
  let wait = config.intervalMs;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const tick = async () => {
    try {
      await sendDueNotifications(db, sms, { config, log });
      wait = config.intervalMs;
    } catch (error) {
      wait = Math.min(wait * 2, Math.max(config.maxDelayMs, config.intervalMs));
      log(`[sms] notification worker run failed (next in ${Math.round(wait / 1000)} s): ${(error as Error)?.message ?? error}`);
    }
    if (!stopped) {
      timer = setTimeout(tick, wait);
      timer.unref();
    }
  };
  timer = setTimeout(tick, 0);
  timer.unref();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
