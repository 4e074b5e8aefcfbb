import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

// Each test builds a SQLite file with every migration and encrypts real rows: slow on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
import { accessRefusal, actorFor, reachOf, refusalFor } from "@/lib/auth/access";
import { getApplicationForCitizen, performCitizenAction, performStaffAction, submitApplication, type ServiceContext } from "@/lib/applications/service";
import { activeViewerFor, addViewer, addViewerSchema, getSharedTimeline, listSharedWithCitizen, removeViewer } from "@/lib/applications/viewers";
import { encryptField } from "@/lib/crypto/field-encryption";
import { hashPhone } from "@/lib/crypto/lookup-hash";
import { renderSms, SMS_TEMPLATES } from "@/lib/sms/templates";
import type { SmsMessage, SmsSender } from "@/lib/sms/types";
import { completeDraft, seedPeople } from "@/tests/unit/applications/fixtures";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";

class CapturingSender implements SmsSender {
  sent: SmsMessage[] = [];
  async send(message: SmsMessage) {
    this.sent.push(message);
    return { id: `sms-${this.sent.length}` };
  }
}

describe("the viewer reach (lib/auth/access.ts)", () => {
  test("a phone reaches a record only while the applicant's share for that phone stands", () => {
    expect(refusalFor({ scope: "viewer", phoneHash: "h1" }, { ownerId: "a", viewerPhoneHashes: ["h1"] })).toBeNull();
    expect(refusalFor({ scope: "viewer", phoneHash: "h2" }, { ownerId: "a", viewerPhoneHashes: ["h1"] })).toBe("not-viewer");
    // Removed shares are not in the list: no list, no access.
    expect(refusalFor({ scope: "viewer", phoneHash: "h1" }, { ownerId: "a", viewerPhoneHashes: [] })).toBe("not-viewer");
    expect(refusalFor({ scope: "viewer", phoneHash: "h1" }, { ownerId: "a" })).toBe("not-viewer");
    expect(refusalFor({ scope: "viewer", phoneHash: "" }, { viewerPhoneHashes: [""] })).toBe("not-viewer");
  });

  test("a session never carries the viewer reach: a signed-in citizen reaches their own records only", () => {
    const actor = actorFor({ kind: "citizen", id: "b" });
    expect(reachOf(actor)).toEqual({ scope: "owner", citizenId: "b" });
    expect(accessRefusal(actor, { ownerId: "a", viewerPhoneHashes: ["hb"] })).toBe("not-owner");
  });
});

describe("与家人共享进度 (SQLite)", () => {
  let t: TestDb;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  let ctx: ServiceContext;
  let sms: CapturingSender;
  let applicationId: string;
  let reference: string;

  beforeEach(async () => {
    t = await createTestDb();
    people = await seedPeople(t.db);
    sms = new CapturingSender();
    ctx = { db: t.db, now: fakeClock("2026-11-23T09:00:00+08:00").now, sms };
    await completeDraft(ctx, people.citizenA.id);
    const r = await submitApplication(ctx, people.citizenA.id, "submit-key-viewers-0001");
    if (!r.ok) throw new Error(r.code);
    applicationId = r.applicationId;
    reference = r.reference;
    sms.sent = [];
  });
  afterEach(async () => t.close());

  const B_PHONE = "13800000002";
  const share = (phone = B_PHONE, script = "zh-Hans") => addViewer(ctx, people.citizenA.id, applicationId, { phone, confirm: true }, { script });
  const audits = async (action: string) => t.db.auditLog.findMany({ where: { action } });

  test("the applicant must confirm: without the tick the form is refused, nothing is saved and no SMS goes out", async () => {
    const refused = addViewerSchema.safeParse({ phone: B_PHONE });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["confirm", "confirm-required"]]);
    expect(addViewerSchema.safeParse({ phone: "12345", confirm: "on" }).error?.issues[0].message).toBe("phone");
    expect(addViewerSchema.safeParse({ phone: "", confirm: "on" }).error?.issues[0].message).toBe("required");
    expect(addViewerSchema.parse({ phone: "+86 138-0000-0002", confirm: "on" })).toEqual({ phone: B_PHONE, confirm: true });
    expect(addViewerSchema.safeParse({ phone: B_PHONE, confirm: "off" }).error?.issues[0].message).toBe("confirm-required");
    expect(await t.db.applicationViewer.count()).toBe(0);
    expect(sms.sent).toEqual([]);
  });

  test("adding saves the phone encrypted, audits the confirmation and sends the invitation in the applicant's script, with nothing about the case", async () => {
    const added = await share(B_PHONE, "zh-Hant");
    expect(added).toMatchObject({ ok: true, invited: true });
    const raw = await t.db.$queryRawUnsafe<{ phoneEncrypted: string; phoneHash: string }[]>(`SELECT phoneEncrypted, phoneHash FROM ApplicationViewer`);
    expect(raw).toHaveLength(1);
    expect(raw[0].phoneEncrypted).not.toContain(B_PHONE);
    expect(raw[0].phoneHash).toBe(hashPhone(B_PHONE));
    const [audit] = await audits("application.viewer.add");
    expect(audit).toMatchObject({ actorType: "citizen", actorId: people.citizenA.id, target: reference, reason: "confirmed; 138****0002" });
    expect(sms.sent).toEqual([{ to: B_PHONE, template: "family-invite.zh-Hant", params: {} }]);
    const text = renderSms(sms.sent[0].template, sms.sent[0].params);
    expect(text).not.toContain(reference);
    expect(text).not.toMatch(/批准|发放|發放|救助|¥|元|公示|病|诊断|診斷|拒绝|拒絕|不予|测试/);
    expect(SMS_TEMPLATES["family-invite.zh-Hans"]).toContain("我的");
    expect(await activeViewerFor(ctx, people.citizenA.id, applicationId)).toMatchObject({ phoneMasked: "138****0002" });
  });

  test("one family member at a time, never the applicant's own phone, only on one's own application", async () => {
    expect(await share()).toMatchObject({ ok: true });
    expect(await share("13800000009")).toEqual({ ok: false, code: "viewer-exists" });
    expect(await addViewer(ctx, people.citizenB.id, applicationId, { phone: "13800000009", confirm: true })).toEqual({ ok: false, code: "not-found" });
    expect(await activeViewerFor(ctx, people.citizenB.id, applicationId)).toBeUndefined();
    await removeViewer(ctx, people.citizenA.id, applicationId, (await activeViewerFor(ctx, people.citizenA.id, applicationId))!.id);
    expect(await share("13800000001")).toEqual({ ok: false, code: "own-phone" });
    expect(await t.db.auditLog.count({ where: { action: "application.viewer.add" } })).toBe(1);
  });

  test("the family member sees the shared application's timeline only: masked name, status, dates, what is owed — no answers, amounts or documents", async () => {
    await performStaffAction(ctx, people.desk, applicationId, { type: "accept" });
    await performStaffAction(ctx, people.case1, applicationId, { type: "record-check", kind: "home-visit", note: "入户调查：孩子白血病住院" });
    await performStaffAction(ctx, people.case1, applicationId, { type: "propose-amount", amount: "2800", reason: "白血病住院，5 个月低保" });
    await share();
    const list = await listSharedWithCitizen(ctx, people.citizenB.id);
    expect(list).toEqual([{ applicationId, reference, applicantMasked: "测**长", status: "proposed" }]);
    const view = await getSharedTimeline(ctx, people.citizenB.id, applicationId);
    expect(view).not.toBeNull();
    expect(Object.keys(view!).sort()).toEqual(["applicantMasked", "id", "overdue", "owed", "reference", "status", "timeline"]);
    expect(view!.timeline.map((s) => s.id)).toEqual(["acceptance", "review", "publicity", "approval", "payment"]);
    expect(view!.owed?.documents).toContain("diagnosis");
    const json = JSON.stringify(view);
    for (const secret of ["白血病", "2800", "测试家长", "测试孩子", "6228", "450223198503", "13800000001", "dibao", "住院"]) expect(json, secret).not.toContain(secret);
    expect(await audits("application.viewer.view")).toMatchObject([{ actorType: "citizen", actorId: people.citizenB.id, target: reference }]);
    // The full view, the applicant's documents and every action stay the owner's.
    expect(await getApplicationForCitizen(ctx, people.citizenB.id, applicationId)).toBeNull();
    expect(await performCitizenAction(ctx, people.citizenB.id, applicationId, { type: "hand-in-documents", documents: ["diagnosis"] })).toMatchObject({ ok: false });
    expect(await removeViewer(ctx, people.citizenB.id, applicationId, (await activeViewerFor(ctx, people.citizenA.id, applicationId))!.id)).toEqual({ ok: false, code: "not-found" });
  });

  test("not other applications: another application of the same applicant, or someone else's, is not reached", async () => {
    await share();
    await completeDraft(ctx, people.citizenA.id);
    const second = await submitApplication(ctx, people.citizenA.id, "submit-key-viewers-0002");
    if (!second.ok) throw new Error(second.code);
    expect(await getSharedTimeline(ctx, people.citizenB.id, second.applicationId)).toBeNull();
    expect((await listSharedWithCitizen(ctx, people.citizenB.id)).map((i) => i.applicationId)).toEqual([applicationId]);
    // A third citizen with another phone sees nothing.
    const c = await t.db.citizen.create({ data: { phoneHash: hashPhone("13800000009"), phoneEncrypted: encryptField("13800000009") } });
    expect(await getSharedTimeline(ctx, c.id, applicationId)).toBeNull();
    expect(await listSharedWithCitizen(ctx, c.id)).toEqual([]);
  });

  test("a family member who has never signed in finds it on first sign-in (matched by phone)", async () => {
    await share("13800000009");
    const c = await t.db.citizen.create({ data: { phoneHash: hashPhone("13800000009"), phoneEncrypted: encryptField("13800000009") } });
    expect(await listSharedWithCitizen(ctx, c.id)).toHaveLength(1);
  });

  test("removing ends access at once, is audited, and a new family member can then be added", async () => {
    await share();
    const viewer = (await activeViewerFor(ctx, people.citizenA.id, applicationId))!;
    expect(await getSharedTimeline(ctx, people.citizenB.id, applicationId)).not.toBeNull();
    expect(await removeViewer(ctx, people.citizenA.id, applicationId, viewer.id)).toEqual({ ok: true });
    expect(await getSharedTimeline(ctx, people.citizenB.id, applicationId)).toBeNull();
    expect(await listSharedWithCitizen(ctx, people.citizenB.id)).toEqual([]);
    expect(await activeViewerFor(ctx, people.citizenA.id, applicationId)).toBeNull();
    expect(await audits("application.viewer.remove")).toMatchObject([{ actorType: "citizen", actorId: people.citizenA.id, target: reference }]);
    expect(await removeViewer(ctx, people.citizenA.id, applicationId, viewer.id)).toEqual({ ok: false, code: "not-found" });
    expect(await share("13800000009")).toMatchObject({ ok: true });
  });

  test("a gateway failure keeps the share and says the invitation was not sent", async () => {
    ctx = { ...ctx, sms: { send: async () => Promise.reject(new Error("gateway down")) } };
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await share()).toMatchObject({ ok: true, invited: false });
    expect(warn.mock.calls[0][0]).not.toContain(B_PHONE);
    warn.mockRestore();
    expect(await t.db.applicationViewer.count({ where: { removedAt: null } })).toBe(1);
  });
});
