import { getDb } from "@/lib/db/client";
import { getSmsSender } from "@/lib/sms";
import type { ServiceContext } from "@/lib/applications/service";

/**
 * The service context for pages, actions and route handlers: the process-wide database and, for
 * writes that notify the applicant, the configured SMS sender. Tests build their own context.
 */
export function serviceContext(options: { notify?: boolean } = {}): ServiceContext {
  const db = getDb();
  return options.notify ? { db, sms: getSmsSender({ db }) } : { db };
}
