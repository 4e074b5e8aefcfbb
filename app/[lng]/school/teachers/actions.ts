"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/actions/safe-action";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { redirectWithinSite } from "@/lib/http/redirect";
import { getSmsSender } from "@/lib/sms";
import { schoolContextFor } from "@/lib/schools/school-context";
import { deactivateTeacher, inviteTeacher, inviteTeacherSchema } from "@/lib/schools/teachers";

const invite = staffAction(SCHOOL_ROLES, {
  args: z.object({}),
  returnTo: (lng) => `/${lng}/school/teachers`,
  input: () => inviteTeacherSchema,
  errors: { ns: "school", prefix: "teachers.errors" },
  run: async ({ user, lng }, input) => {
    const ctx = await schoolContextFor(user.actor);
    if (!ctx) notFound();
    return inviteTeacher(ctx.db, getSmsSender({ db: ctx.db }), { ...input, schoolId: ctx.schoolId, signInPath: `/${lng}/school/teacher-login` }, { actorId: user.id, now: ctx.now });
  },
});

export async function inviteTeacherAction(lng: string, form: FormData): Promise<void> {
  const result = await invite(lng, {}, form);
  const back = `/${lng}/school/teachers`;
  if (!result.ok) redirectWithinSite(`${back}?error=invalid`);
  redirectWithinSite(result.data.ok ? `${back}?invited=1` : `${back}?error=${result.data.code}`);
}

const deactivate = staffAction(SCHOOL_ROLES, {
  args: z.object({ staffId: z.string().regex(/^[a-z0-9]{10,40}$/) }),
  returnTo: (lng) => `/${lng}/school/teachers`,
  input: () => z.object({}),
  errors: { ns: "school", prefix: "teachers.errors" },
  run: async ({ user }, _input, { staffId }) => {
    const ctx = await schoolContextFor(user.actor);
    if (!ctx) notFound();
    return deactivateTeacher(ctx.db, { schoolId: ctx.schoolId, staffId }, { actorId: user.id });
  },
});

export async function deactivateTeacherAction(lng: string, args: { staffId: string }, form: FormData): Promise<void> {
  const result = await deactivate(lng, args, form);
  redirectWithinSite(`/${lng}/school/teachers${result.ok && result.data ? "?deactivated=1" : "?error=invalid"}`);
}
