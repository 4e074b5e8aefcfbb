/**
 * `npm run calendar:recount`: recount every open provisional (暂定) deadline with the holiday notices the
 * calendar knows now (after updating chinese-days or lib/calendar/holiday-notices.json). The server does the
 * same at every start; this is for doing it without a restart. Idempotent. Exit 1 if it failed.
 */
import { recountAndLog } from "@/lib/applications/recount";
import { createPrismaClient } from "@/lib/db/client";
import { getSmsSender, type SmsSender } from "@/lib/sms";

async function main(): Promise<void> {
  const db = createPrismaClient();
  try {
    let sms: SmsSender | null = null;
    try {
      sms = getSmsSender({ db });
    } catch {
      console.warn("[yizhan] no SMS gateway configured: the messages stay pending in the Notification outbox.");
    }
    const report = await recountAndLog({ db, sms });
    if (!report) process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

void main();
