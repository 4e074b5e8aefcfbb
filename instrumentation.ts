/**
 * Runs once when the server starts (Next calls register() from app.prepare(), also under server.ts).
 * Recounts the deadlines stored as provisional (暂定) if the holiday notice of their year has arrived
 * since (a chinese-days update or lib/calendar/holiday-notices.json): lib/applications/recount.ts.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ recountAndLog }, { getDb }, { getSmsSender }] = await Promise.all([
    import("@/lib/applications/recount"),
    import("@/lib/db/client"),
    import("@/lib/sms"),
  ]);
  const db = getDb();
  let sms = null;
  try {
    sms = getSmsSender({ db });
  } catch {
    // No SMS gateway configured: the messages stay pending in the Notification outbox.
  }
  await recountAndLog({ db, sms });
}
