import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { deactivateStaffUser, hashPassword, toStaffSession } from "@/lib/auth/staff";
import type { AuthContext } from "@/lib/auth/context";
import { authContext } from "@/lib/auth/context";
import { phoneSchema } from "@/lib/auth/phone";
import { verifyLoginCode } from "@/lib/auth/otp";
import type { CitizenSignInError } from "@/lib/auth/errors";
import type { StaffSessionUser } from "@/lib/auth/roles";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { hashPhone } from "@/lib/crypto/lookup-hash";
import { maskPhone } from "@/lib/crypto/mask";
import { recordAudit } from "@/lib/db/audit";
import type { SmsSender } from "@/lib/sms/types";

/**
 * Class teachers (班主任): invited by their school's admin by phone number, one class each, signed in with a
 * one-time code to that phone (like citizens), deactivated by the admin. A teacher account has no password
 * anyone knows (the hash of random bytes, thrown away) and a random username: the staff password form never
 * signs one in.
 */

export const inviteTeacherSchema = z.object({
  phone: phoneSchema,
  grade: z.string().trim().min(1).max(20),
  className: z.string().trim().min(1).max(30),
  displayName: z.string().trim().min(1).max(30),
});
export type InviteTeacherInput = z.infer<typeof inviteTeacherSchema>;

export type InviteResult = { ok: true; staffId: string } | { ok: false; code: "phone-taken" };

export async function inviteTeacher(
  db: PrismaClient,
  sms: SmsSender,
  input: InviteTeacherInput & { schoolId: string; signInPath: string },
  by: { actorId: string; now: Date },
): Promise<InviteResult> {
  const phoneHash = hashPhone(input.phone);
  const taken = await db.staffUser.findUnique({ where: { phoneHash }, select: { id: true } });
  if (taken) return { ok: false, code: "phone-taken" };
  const staff = await db.staffUser.create({
    data: {
      username: `teacher-${randomBytes(6).toString("hex")}`,
      passwordHash: await hashPassword(randomBytes(24).toString("base64")),
      role: "teacher",
      schoolId: input.schoolId,
      phoneHash,
      phoneEncrypted: encryptField(input.phone),
      teacherGrade: input.grade,
      teacherClass: input.className,
      displayName: input.displayName,
    },
    select: { id: true },
  });
  await recordAudit(db, { actorType: "staff", actorId: by.actorId, action: "school.teacher.invite", target: staff.id, reason: `${input.grade} ${input.className}`, at: by.now });
  await sms.send({ to: input.phone, template: "teacher-invite", params: { path: input.signInPath } });
  return { ok: true, staffId: staff.id };
}

export type TeacherRow = { id: string; displayName: string; phoneMasked: string; grade: string; className: string; active: boolean };

export async function listTeachers(db: PrismaClient, schoolId: string): Promise<TeacherRow[]> {
  const rows = await db.staffUser.findMany({ where: { schoolId, role: "teacher" }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({
    id: r.id,
    displayName: r.displayName,
    phoneMasked: r.phoneEncrypted ? maskPhone(decryptField(r.phoneEncrypted)) : "",
    grade: r.teacherGrade ?? "",
    className: r.teacherClass ?? "",
    active: r.active,
  }));
}

/** Deactivate a teacher of this school (a teacher of another school is "not-found"); their sessions end at once. */
export async function deactivateTeacher(db: PrismaClient, input: { schoolId: string; staffId: string }, by: { actorId: string }): Promise<boolean> {
  const teacher = await db.staffUser.findFirst({ where: { id: input.staffId, schoolId: input.schoolId, role: "teacher" }, select: { id: true } });
  if (!teacher) return false;
  await deactivateStaffUser(db, teacher.id, { actorId: by.actorId, reason: "teacher-deactivated" });
  return true;
}

export type TeacherSignInResult =
  | { ok: true; user: StaffSessionUser; sessionVersion: number }
  | { ok: false; code: Exclude<CitizenSignInError, "server-error"> | "not-a-teacher" };

/** Verify the one-time code, then find the active teacher with that phone. */
export async function signInTeacher(input: { phone: string; code: string; ip?: string }, context: Partial<AuthContext> = {}): Promise<TeacherSignInResult> {
  const ctx = authContext(context);
  const verified = await verifyLoginCode(input, ctx);
  if (!verified.ok) return verified;
  const now = ctx.now();
  const teacher = await ctx.db.staffUser.findUnique({ where: { phoneHash: verified.phoneHash } });
  if (!teacher || teacher.role !== "teacher" || !teacher.active) {
    await recordAudit(ctx.db, { actorType: "anonymous", action: "school.teacher.sign-in.failure", reason: !teacher ? "unknown-phone" : "inactive-or-not-teacher", ip: input.ip, at: now });
    return { ok: false, code: "not-a-teacher" };
  }
  await ctx.db.staffUser.update({ where: { id: teacher.id }, data: { lastLoginAt: now } });
  await recordAudit(ctx.db, { actorType: "staff", actorId: teacher.id, action: "school.teacher.sign-in", ip: input.ip, at: now });
  return { ok: true, user: toStaffSession(teacher), sessionVersion: teacher.sessionVersion };
}
