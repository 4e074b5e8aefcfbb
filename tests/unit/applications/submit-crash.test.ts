import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@/tests/unit/db/test-db";
import { seedPeople } from "@/tests/unit/applications/fixtures";

// A server killed mid-submit must leave either an untouched draft or a complete application:
// a child process submits in a loop and is SIGKILLed at random moments; then every row is checked.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedPeople(t.db);
});
afterAll(async () => t.close());

const ROOT = path.resolve(__dirname, "../../..");

function runAndKill(url: string, afterMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    // node with tsx's loader in-process (the tsx CLI would fork a grandchild that SIGKILL misses).
    const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "submit-crash-child.ts"), url], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let submitted = 0;
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.on("data", (d: Buffer) => {
      // The kill clock starts at the first completed submit, not at start-up: on a loaded machine
      // start-up alone can outlast the window, and a run killed before any submit proves nothing.
      const before = submitted;
      submitted += (d.toString().match(/submitted/g) ?? []).length;
      if (before === 0 && submitted > 0) setTimeout(() => child.kill("SIGKILL"), afterMs);
    });
    child.on("exit", (code, signal) => (signal === "SIGKILL" ? resolve(submitted) : reject(new Error(`child exited ${code}: ${stderr}`))));
  });
}

test("SIGKILL at random points during submit leaves each application either a draft or complete", { timeout: 120_000 }, async () => {
  let total = 0;
  for (let i = 0; i < 5; i++) total += await runAndKill(t.url, Math.floor(Math.random() * 1500));
  expect(total).toBeGreaterThan(0);

  const apps = await t.db.application.findMany({ include: { events: true, notifications: true } });
  expect(apps.length).toBeGreaterThan(total);
  for (const app of apps) {
    if (app.status === "draft") {
      expect(app.reference).toBeNull();
      expect(app.submitKey).toBeNull();
      expect(app.draftOwnerId).toBe(app.citizenId);
      expect(app.events).toHaveLength(0);
    } else {
      expect(app.status).toBe("submitted");
      expect(app.reference).toMatch(/^LZ2026-\d{6}-[0-9A-Z]$/);
      expect(app.submitKey).not.toBeNull();
      expect(app.stateJson).not.toBeNull();
      expect(app.draftOwnerId).toBeNull();
      expect(app.events).toHaveLength(1);
      expect(app.notifications).toHaveLength(1);
      expect(await t.db.auditLog.count({ where: { action: "application.submit", target: app.reference } })).toBe(1);
    }
  }
  const submittedApps = apps.filter((a) => a.status !== "draft");
  expect(submittedApps.length).toBeGreaterThanOrEqual(total);
  const counter = await t.db.referenceCounter.findUniqueOrThrow({ where: { prefix_year: { prefix: "LZ", year: 2026 } } });
  const highest = Math.max(...submittedApps.map((a) => Number(a.reference!.slice(7, 13))));
  expect(counter.last).toBe(highest);
});
