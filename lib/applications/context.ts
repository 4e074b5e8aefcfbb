import { requestNow } from "@/lib/config/demo-clock";
import { getDb } from "@/lib/db/client";
import { getSmsSender } from "@/lib/sms";
import type { ServiceContext } from "@/lib/applications/service";

/**
 * The service context for pages, actions and route handlers: the process-wide database, the
 * request's "now" (the real clock; in demo mode the demo-day cookie may move it, lib/config/demo-clock.ts)
 * and, for writes that notify the applicant, the configured SMS sender. Tests build their own context.
 */
export async function serviceContext(options: { notify?: boolean } = {}): Promise<ServiceContext> {
  const db = getDb();
  const now = await requestNow();
  return { db, now: () => now, ...(options.notify ? { sms: getSmsSender({ db }) } : {}) };
}
