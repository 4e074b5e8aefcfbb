import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { rememberScript, performStaffAction, submitApplication, type ServiceContext } from "@/lib/applications/service";
import { describeMessage } from "@/lib/applications/messages";
import { sendDueNotifications } from "@/lib/sms/notification-worker";
import { applicationSms, renderSms, SMS_TEMPLATES } from "@/lib/sms/templates";
import type { SmsMessage, SmsSender } from "@/lib/sms/types";
import { toHant } from "@/scripts/hant.mjs";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";
import { completeDraft, seedPeople } from "@/tests/unit/applications/fixtures";

describe("in-app messages say what happened", () => {
  test("approved and paid carry the amount; 补正 names the documents and the date; 公示 its last day", () => {
    expect(describeMessage("status-changed", { reference: "LZ1", status: "approved", amount: "7930.00" })).toEqual({ key: "say.approved", values: { reference: "LZ1", amount: "7930.00" }, due: null });
    expect(describeMessage("status-changed", { reference: "LZ1", status: "paid", amount: "7930.00" }).key).toBe("say.paid");
    expect(describeMessage("correction-requested", { reference: "LZ1", status: "correction", documents: ["household-register"], dueOn: "2026-12-18" })).toEqual({
      key: "say.correction",
      values: { reference: "LZ1", date: "2026-12-18", documents: ["household-register"] },
      due: null,
    });
    expect(describeMessage("status-changed", { reference: "LZ1", status: "publicity", endsOn: "2026-12-05", dueOn: "2026-12-05" })).toMatchObject({ key: "say.publicity", due: null });
  });

  test("rows stored before the facts existed keep the older wording, with the date", () => {
    expect(describeMessage("status-changed", { reference: "LZ1", status: "approved", dueOn: "2026-12-10" })).toEqual({ key: "status-changed", values: { reference: "LZ1", status: "approved" }, due: "2026-12-10" });
    expect(describeMessage("correction-requested", { reference: "LZ1" }).key).toBe("correction-requested");
  });
});

describe("SMS: what to do and by when, in the applicant's script, nothing a lock screen should not show", () => {
  test("one template set per script; the zh-Hant set is the generated standard of the zh-Hans one", () => {
    for (const [id, text] of Object.entries(SMS_TEMPLATES)) {
      if (id.endsWith(".zh-Hans")) expect(SMS_TEMPLATES[id.replace(".zh-Hans", ".zh-Hant") as keyof typeof SMS_TEMPLATES]).toBe(toHant(text));
    }
  });

  test("补正: the reference and the date, in 12月18日 form", () => {
    const hans = applicationSms("correction-requested", { reference: "LZ2026-000123-7", dueOn: "2026-12-18" }, "zh-Hans");
    expect(renderSms(hans.template, hans.params)).toBe("【一站助医】您的申请 LZ2026-000123-7 需要您在 12月18日 前补交材料，请登录一站助医查看要交哪些材料。");
    const hant = applicationSms("correction-requested", { reference: "LZ2026-000123-7", dueOn: "2026-12-18" }, "zh-Hant");
    expect(renderSms(hant.template, hant.params)).toContain("需要您在 12月18日 前補交材料");
  });

  test("no status, amount, programme or health word in any application SMS", () => {
    for (const [id, text] of Object.entries(SMS_TEMPLATES)) {
      if (!id.startsWith("application-")) continue;
      expect(text).not.toMatch(/批准|发放|發放|救助|¥|元|公示|病|诊断|診斷|拒绝|拒絕|不予/);
    }
  });
});

describe("the applicant's script is stored and used for their SMS", () => {
  let t: TestDb;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  beforeEach(async () => {
    t = await createTestDb();
    people = await seedPeople(t.db);
  });
  afterEach(async () => {
    await t.close();
  });

  test("a zh-Hant applicant gets zh-Hant texts; a 补正 SMS says by when; the in-app row keeps the documents", async () => {
    const clock = fakeClock();
    const ctx: ServiceContext = { db: t.db, now: clock.now, sms: null };
    await completeDraft(ctx, people.citizenA.id);
    await rememberScript(ctx, people.citizenA.id, "zh-Hant");
    expect((await t.db.citizen.findUniqueOrThrow({ where: { id: people.citizenA.id } })).preferredScript).toBe("zh-Hant");
    const r = await submitApplication(ctx, people.citizenA.id, "submit-key-script-000001");
    if (!r.ok) throw new Error(r.code);
    expect((await performStaffAction(ctx, people.desk, r.applicationId, { type: "accept" })).ok).toBe(true);
    const asked = await performStaffAction(ctx, people.desk, r.applicationId, { type: "request-correction", documents: ["household-register"], dueOn: "2026-12-18" });
    expect(asked.ok).toBe(true);
    const sent: SmsMessage[] = [];
    const sender: SmsSender = { send: async (m) => (sent.push(m), { id: String(sent.length) }) };
    await sendDueNotifications(t.db, sender, { now: clock.now });
    expect(sent.map((m) => m.template)).toEqual(["application-submitted.zh-Hant", "application-update.zh-Hant", "application-correction.zh-Hant"]);
    expect(sent[2].params.date).toBe("12月18日");
    const row = await t.db.notification.findFirstOrThrow({ where: { kind: "correction-requested" } });
    expect(JSON.parse(row.paramsJson)).toMatchObject({ documents: ["household-register"], dueOn: "2026-12-18" });
  });
});
