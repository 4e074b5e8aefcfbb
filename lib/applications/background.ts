import type { Db } from "@/lib/db/client";
import { getSmsSender } from "@/lib/sms";
import { readSmsRetryConfig, startNotificationWorker, type NotificationWorker } from "@/lib/sms/notification-worker";
import { sweepUploads } from "@/lib/applications/uploads";

/**
 * What the production server (server.ts) runs beside Next: at start, the sweep of upload files a
 * crash left behind; then the worker that retries notification SMS left pending. Without a way to
 * send SMS (production without a provider) the worker does not start, and says so.
 */
export async function startBackgroundTasks(db: Db, log: (line: string) => void = (line) => console.error(line)): Promise<{ stop(): void }> {
  try {
    await sweepUploads(db, { log });
  } catch (error) {
    log(`[uploads] start-up sweep failed: ${(error as Error)?.message ?? error}`);
  }
  let worker: NotificationWorker | null = null;
  try {
    worker = startNotificationWorker(db, getSmsSender({ db }), { config: readSmsRetryConfig(), log });
  } catch (error) {
    log(`[sms] notification worker not started: ${(error as Error)?.message ?? error}`);
  }
  return { stop: () => worker?.stop() };
}
