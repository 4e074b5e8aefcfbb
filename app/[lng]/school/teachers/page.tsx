import { notFound } from "next/navigation";
import { PageFrame } from "@/components/shell/page-frame";
import { Notice } from "@/components/ui/cells";
import { deactivateTeacherAction, inviteTeacherAction } from "@/app/[lng]/school/teachers/actions";
import { requireStaff } from "@/lib/auth/guards";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { frameTexts } from "@/lib/i18n/frame";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { schoolContextFor } from "@/lib/schools/school-context";
import { listTeachers } from "@/lib/schools/teachers";

const ERRORS = ["phone-taken", "invalid"];

/** The school admin invites class teachers by phone (one class each) and deactivates them. */
export default async function TeachersPage({ params, searchParams }: { params: Promise<{ lng: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const lng = await pageLocale(params);
  const user = await requireStaff(lng, `/${lng}/school/teachers`, SCHOOL_ROLES);
  const ctx = await schoolContextFor(user.actor);
  if (!ctx) notFound();
  const query = await searchParams;
  const t = getT(lng, "school");
  const teachers = await listTeachers(ctx.db, ctx.schoolId);
  const error = query.error && ERRORS.includes(query.error) ? query.error : null;
  const field = (name: string, label: string, type = "text", extra: Record<string, string> = {}) => (
    <label className="block">
      <span className="mb-1 block font-medium">{label}</span>
      <input name={name} type={type} required className="tap-target w-full rounded-lg border border-line bg-white px-3" data-testid={`teacher-${name}`} {...extra} />
    </label>
  );
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("teachers.heading")} backHref={`/${lng}/school`}>
      {query.invited ? <Notice>{t("teachers.invited")}</Notice> : null}
      {query.deactivated ? <Notice>{t("teachers.deactivated")}</Notice> : null}
      {error ? (
        <div role="alert" className="mb-3 rounded-xl border-2 border-danger bg-cell px-4 py-3 text-danger" data-testid="teacher-error">
          {t(`teachers.errors.${error}`)}
        </div>
      ) : null}
      <p className="my-3">{t("teachers.intro")}</p>
      <form action={inviteTeacherAction.bind(null, lng)} className="mb-4 space-y-3 rounded-xl bg-cell p-4">
        {field("displayName", t("teachers.name"), "text", { maxLength: "30", autoComplete: "off" })}
        {field("phone", t("teachers.phone"), "tel", { inputMode: "numeric", maxLength: "13", autoComplete: "off" })}
        {field("grade", t("teachers.grade"), "text", { maxLength: "20" })}
        {field("className", t("teachers.class"), "text", { maxLength: "30" })}
        <button type="submit" className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="invite-teacher">
          {t("teachers.invite")}
        </button>
      </form>
      {teachers.length === 0 ? (
        <Notice>{t("teachers.none")}</Notice>
      ) : (
        <ul className="divide-y divide-line rounded-xl bg-cell" data-testid="teachers">
          {teachers.map((teacher) => (
            <li key={teacher.id} className="flex items-center justify-between gap-2 px-4 py-3" data-testid="teacher">
              <span>
                <span className="font-medium">{teacher.displayName}</span>{" "}
                <span className="text-sm text-ink-muted">
                  {teacher.grade} {teacher.className} · {teacher.phoneMasked}
                </span>
              </span>
              {teacher.active ? (
                <form action={deactivateTeacherAction.bind(null, lng, { staffId: teacher.id })}>
                  <button type="submit" className="tap-target rounded-lg border border-danger px-3 text-sm font-semibold text-danger" data-testid="deactivate-teacher">
                    {t("teachers.deactivate")}
                  </button>
                </form>
              ) : (
                <span className="text-sm text-ink-muted">{t("teachers.inactive")}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </PageFrame>
  );
}
