import { createClient } from "@libsql/client";
import path from "node:path";

// Direct access to the e2e database for what a browser cannot do: let time pass (公示 ends) and
// forget sign-in rate limits between the many sign-ins of one script.

function client() {
  const url = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
  const file = url.replace(/^file:/, "");
  return createClient({ url: `file:${path.resolve(file)}` });
}

export async function forgetRateLimits(): Promise<void> {
  const db = client();
  try {
    await db.execute("PRAGMA busy_timeout = 5000");
    await db.execute("DELETE FROM RateLimitEvent");
  } finally {
    db.close();
  }
}

/** The 公示 period of an application ends: its end date moves to yesterday, as if the days had passed. */
export async function publicityPeriodPasses(applicationId: string): Promise<void> {
  const db = client();
  try {
    await db.execute("PRAGMA busy_timeout = 5000");
    const row = await db.execute({ sql: "SELECT stateJson FROM Application WHERE id = ?", args: [applicationId] });
    const state = JSON.parse(String(row.rows[0].stateJson));
    const yesterday = new Date(Date.now() - 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const dayBefore = new Date(Date.now() - 2 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    state.publicity.endsOn = yesterday;
    state.publicity.startedOn = dayBefore;
    await db.execute({ sql: "UPDATE Application SET stateJson = ?, currentDueOn = ? WHERE id = ?", args: [JSON.stringify(state), yesterday, applicationId] });
  } finally {
    db.close();
  }
}
