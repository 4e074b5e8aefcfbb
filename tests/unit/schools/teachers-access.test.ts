import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Each test builds a SQLite file with every migration and encrypts real rows: slow on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
import { accessRefusal, actorFor, reachOf, refusalFor } from "@/lib/auth/access";
import { requestLoginCode } from "@/lib/auth/otp";
import { verifyStaffCredentials } from "@/lib/auth/staff";
import { currentSessionUser } from "@/lib/auth/session-version";
import type { SessionUser } from "@/lib/auth/roles";
import type { ColumnMapping } from "@/lib/schools/roster-columns";
import { classViewFor } from "@/lib/schools/class-view";
import { changePupilStatus } from "@/lib/schools/pupils";
import { commitRosterImport } from "@/lib/schools/roster-import";
import { deactivateTeacher, inviteTeacher, listTeachers, signInTeacher } from "@/lib/schools/teachers";
import type { SmsMessage, SmsSender } from "@/lib/sms/types";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";
import { HEADER, makePupilRows } from "@/tests/unit/schools/fixtures";

class CapturingSender implements SmsSender {
  sent: SmsMessage[] = [];
  async send(message: SmsMessage) {
    this.sent.push(message);
    return { id: `sms-${this.sent.length}` };
  }
}

const teacherOf = (schoolId: string, grade: string, className: string): SessionUser => ({ kind: "staff", id: "t1", role: "teacher", schoolId, classOf: { grade, className } });

describe("who reaches a pupil (lib/auth/access.ts)", () => {
  const pupil = { schoolId: "A", classOf: { grade: "一年级", className: "1班" }, pupilId: "p1" };

  it("a class teacher reaches their class only: not another class, not another school", () => {
    expect(reachOf(actorFor(teacherOf("A", "一年级", "1班")))).toEqual({ scope: "class", schoolId: "A", grade: "一年级", className: "1班" });
    expect(accessRefusal(actorFor(teacherOf("A", "一年级", "1班")), pupil)).toBeNull();
    expect(accessRefusal(actorFor(teacherOf("A", "一年级", "2班")), pupil)).toBe("wrong-class");
    expect(accessRefusal(actorFor(teacherOf("A", "二年级", "1班")), pupil)).toBe("wrong-class");
    expect(accessRefusal(actorFor(teacherOf("B", "一年级", "1班")), pupil)).toBe("wrong-class");
  });

  it("school X never reaches school Y; a teacher without a class reaches nothing; a parent's link reaches its one pupil", () => {
    expect(accessRefusal(actorFor({ kind: "staff", id: "a", role: "school_admin", schoolId: "B" }), pupil)).toBe("wrong-school");
    expect(accessRefusal(actorFor({ kind: "staff", id: "t", role: "teacher", schoolId: "A" }), pupil)).toBe("wrong-school");
    expect(refusalFor({ scope: "parent-token", pupilId: "p1" }, pupil)).toBeNull();
    expect(refusalFor({ scope: "parent-token", pupilId: "p2" }, pupil)).toBe("wrong-pupil");
    expect(refusalFor({ scope: "parent-token", pupilId: "p1" }, { schoolId: "A" })).toBe("wrong-pupil");
  });
});

describe("class teachers (SQLite)", () => {
  let t: TestDb;
  let schoolA: string;
  let schoolB: string;
  const clock = fakeClock("2026-12-03T10:00:00+08:00");
  const MAPPING: ColumnMapping = { headerRow: 0, columns: { name: 0, idNumber: 1, gender: 2, grade: 3, className: 4, guardianPhone: 5 } };

  beforeEach(async () => {
    t = await createTestDb();
    await t.db.area.create({ data: { code: "210102", nameZhHans: "和平区", nameZhHant: "和平區", policyPackId: "shenyang-2023" } });
    schoolA = (await t.db.school.create({ data: { code: "A", areaCode: "210102", nameZhHans: "甲", nameZhHant: "甲" } })).id;
    schoolB = (await t.db.school.create({ data: { code: "B", areaCode: "210102", nameZhHans: "乙", nameZhHant: "乙" } })).id;
    await commitRosterImport(t.db, { schoolId: schoolA, rows: [HEADER, ...makePupilRows(24)], mapping: MAPPING, mode: "full", today: "2026-12-03" }, { actorId: "a", coverYear: 2027, now: clock.now() });
  });
  afterEach(async () => t.close());

  it("invited by phone, signs in with a one-time code, sees only their class and a funded pupil as 无需缴费 with no reason; deactivated, the session ends", async () => {
    const sms = new CapturingSender();
    const invite = { phone: "13900000011", grade: "一年级", className: "1班", displayName: "王老师", schoolId: schoolA, signInPath: "/zh-Hans/school/teacher-login" };
    const invited = await inviteTeacher(t.db, sms, invite, { actorId: "admin", now: clock.now() });
    expect(invited.ok).toBe(true);
    expect(sms.sent[0]).toMatchObject({ to: "13900000011", template: "teacher-invite" });
    expect(await inviteTeacher(t.db, sms, invite, { actorId: "admin", now: clock.now() })).toEqual({ ok: false, code: "phone-taken" });
    expect((await listTeachers(t.db, schoolA))[0]).toMatchObject({ phoneMasked: "139****0011", grade: "一年级", className: "1班", active: true });

    // The password form never signs a teacher in (random username, unknown password).
    const account = await t.db.staffUser.findFirstOrThrow({ where: { role: "teacher" } });
    expect((await verifyStaffCredentials({ username: account.username, password: "" }, { db: t.db, now: clock.now })).ok).toBe(false);

    const ctx = { db: t.db, now: clock.now, sms };
    await requestLoginCode({ phone: "13900000011", ip: "10.0.0.1" }, ctx);
    const code = sms.sent.at(-1)!.params.code;
    const signedIn = await signInTeacher({ phone: "13900000011", code }, ctx);
    expect(signedIn.ok).toBe(true);
    if (!signedIn.ok) return;
    expect(signedIn.user).toMatchObject({ role: "teacher", schoolId: schoolA, classOf: { grade: "一年级", className: "1班" } });

    // Their class only: makePupilRows puts pupils 0, 12 in 一年级 1班 (grade i%6, class i%4).
    const actor = actorFor(signedIn.user);
    const firstView = await classViewFor(t.db, actor);
    expect(firstView!.rows.every((r) => r.grade === "一年级" && r.className === "1班")).toBe(true);
    expect(firstView!.rows.length).toBe(2);
    const funded = firstView!.rows[0];
    await changePupilStatus(t.db, { schoolId: schoolA, pupilId: funded.id, event: { kind: "funding-listed" } }, { actorType: "staff", actorId: "case", now: clock.now() });
    const view = await classViewFor(t.db, actor);
    expect(view!.rows.find((r) => r.id === funded.id)?.status).toBe("funded");
    expect(JSON.stringify(view)).not.toMatch(/低保|特困|孤儿|note/);

    // Someone else's phone is not a teacher.
    await requestLoginCode({ phone: "13900000012", ip: "10.0.0.1" }, ctx);
    expect(await signInTeacher({ phone: "13900000012", code: sms.sent.at(-1)!.params.code }, ctx)).toEqual({ ok: false, code: "not-a-teacher" });

    // School B's admin cannot deactivate A's teacher; A's admin can, and the session ends at once.
    expect(await deactivateTeacher(t.db, { schoolId: schoolB, staffId: account.id }, { actorId: "admin-b" })).toBe(false);
    expect(await deactivateTeacher(t.db, { schoolId: schoolA, staffId: account.id }, { actorId: "admin-a" })).toBe(true);
    expect(await currentSessionUser(t.db, signedIn.user, signedIn.sessionVersion)).toBeNull();
  });
});
