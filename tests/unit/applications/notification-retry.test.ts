import { afterEach, beforeEach, expect, test } from "vitest";
import { submitApplication, type ServiceContext } from "@/lib/applications/service";
import { readSmsRetryConfig, retryDelayMs, sendDueNotifications, startNotificationWorker, type SmsRetryConfig } from "@/lib/sms/notification-worker";
import type { SmsMessage, SmsSender } from "@/lib/sms/types";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";
import { completeDraft, seedPeople } from "@/tests/unit/applications/fixtures";

let t: TestDb;
let people: Awaited<ReturnType<typeof seedPeople>>;
beforeEach(async () => {
  t = await createTestDb();
  people = await seedPeople(t.db);
});
afterEach(async () => {
  await t.close();
});

const config: SmsRetryConfig = { maxAttempts: 4, baseDelayMs: 30_000, maxDelayMs: 90_000, intervalMs: 10 };

/** A gateway that fails the first `failures` sends. */
function gateway(failures: number) {
  const sent: SmsMessage[] = [];
  let calls = 0;
  const sender: SmsSender = {
    async send(message) {
      calls += 1;
      if (calls <= failures) throw new Error(`gateway answered 503 (call ${calls})`);
      sent.push(message);
      return { id: `m${calls}` };
    },
  };
  return { sender, sent, calls: () => calls };
}

async function submitWithoutSending(clock: ReturnType<typeof fakeClock>): Promise<string> {
  // ctx.sms null: the process "crashed" between the commit and the send.
  const ctx: ServiceContext = { db: t.db, now: clock.now, sms: null };
  await completeDraft(ctx, people.citizenA.id);
  const r = await submitApplication(ctx, people.citizenA.id, "submit-key-sms-retry-0001");
  if (!r.ok) throw new Error(r.code);
  return r.reference;
}

test("the backoff doubles from the base up to the cap, and the settings come from the environment with documented defaults", () => {
  expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, config))).toEqual([30_000, 60_000, 90_000, 90_000, 90_000]);
  expect(readSmsRetryConfig({})).toEqual({ maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 3_600_000, intervalMs: 30_000 });
  expect(readSmsRetryConfig({ SMS_RETRY_MAX_ATTEMPTS: "3", SMS_RETRY_BASE_SECONDS: "5", SMS_RETRY_MAX_DELAY_SECONDS: "60", SMS_WORKER_INTERVAL_SECONDS: "2" })).toEqual({
    maxAttempts: 3,
    baseDelayMs: 5_000,
    maxDelayMs: 60_000,
    intervalMs: 2_000,
  });
  expect(() => readSmsRetryConfig({ SMS_RETRY_MAX_ATTEMPTS: "zero" })).toThrow();
});

test("a notification left pending by a crash between commit and send is sent by the worker, once", async () => {
  const clock = fakeClock();
  const reference = await submitWithoutSending(clock);
  expect(await t.db.notification.count({ where: { smsStatus: "pending" } })).toBe(1);
  const gw = gateway(0);
  expect(await sendDueNotifications(t.db, gw.sender, { config, now: clock.now })).toEqual({ sent: 1, retrying: 0, failed: 0 });
  expect(gw.sent).toEqual([{ to: "13800000001", template: "application-submitted.zh-Hans", params: { reference } }]);
  expect(await t.db.notification.findFirstOrThrow()).toMatchObject({ smsStatus: "sent", smsAttempts: 1, smsLastError: null });
  expect(await sendDueNotifications(t.db, gw.sender, { config, now: clock.now })).toEqual({ sent: 0, retrying: 0, failed: 0 });
  expect(gw.calls()).toBe(1);
});

test("two senders at once (the request and the worker) send one message: each attempt is claimed first", async () => {
  const clock = fakeClock();
  await submitWithoutSending(clock);
  const gw = gateway(0);
  const reports = await Promise.all([1, 2, 3].map(() => sendDueNotifications(t.db, gw.sender, { config, now: clock.now })));
  expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(1);
  expect(gw.calls()).toBe(1);
});

test("a failing gateway is retried with exponential backoff and given up visibly after the last attempt", async () => {
  const clock = fakeClock();
  const reference = await submitWithoutSending(clock);
  const gw = gateway(100);
  const log: string[] = [];
  const run = () => sendDueNotifications(t.db, gw.sender, { config, now: clock.now, log: (l) => log.push(l) });

  expect(await run()).toEqual({ sent: 0, retrying: 1, failed: 0 });
  let row = await t.db.notification.findFirstOrThrow();
  expect(row).toMatchObject({ smsStatus: "pending", smsAttempts: 1, smsLastError: "gateway answered 503 (call 1)" });
  expect(row.smsNextAttemptAt?.getTime()).toBe(clock.now().getTime() + 30_000);
  // Not before the backoff is over.
  clock.advance(29);
  expect(await run()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  clock.advance(1);
  expect(await run()).toEqual({ sent: 0, retrying: 1, failed: 0 });
  row = await t.db.notification.findFirstOrThrow();
  expect(row.smsNextAttemptAt?.getTime()).toBe(clock.now().getTime() + 60_000);
  clock.advance(60);
  expect(await run()).toEqual({ sent: 0, retrying: 1, failed: 0 });
  clock.advance(90);
  expect(await run()).toEqual({ sent: 0, retrying: 0, failed: 1 });

  row = await t.db.notification.findFirstOrThrow();
  expect(row).toMatchObject({ smsStatus: "failed", smsAttempts: 4, smsNextAttemptAt: null, smsLastError: "gateway answered 503 (call 4)" });
  const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "notification.sms-failed" } });
  expect(audit).toMatchObject({ actorType: "system", target: reference });
  expect(audit.reason).toContain("after 4 attempts");
  expect(log).toEqual([expect.stringContaining(`gave up on notification ${row.id} (${reference}) after 4 attempts`)]);
  clock.advance(3600);
  expect(await run()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  expect(gw.calls()).toBe(4);
});

test("the worker started by the server retries on its interval and stops when told", async () => {
  const clock = fakeClock();
  await submitWithoutSending(clock);
  const gw = gateway(0);
  const worker = startNotificationWorker(t.db, gw.sender, { config });
  try {
    for (let i = 0; i < 1000 && gw.calls() === 0; i++) await new Promise((r) => setTimeout(r, 20));
  } finally {
    worker.stop();
  }
  expect(gw.calls()).toBe(1);
  expect(await t.db.notification.findFirstOrThrow()).toMatchObject({ smsStatus: "sent" });
});
