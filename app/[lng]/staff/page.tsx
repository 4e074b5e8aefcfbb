import { redirect } from "next/navigation";
import { ApplicationList } from "@/components/applications/application-list";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { PageFrame } from "@/components/shell/page-frame";
import { Notice } from "@/components/ui/cells";
import { listApplicationsForArea } from "@/lib/applications/queries";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { loadStaffProfile } from "@/lib/staff/profile";

const queueRoles = new Set(["desk", "caseworker", "approver", "admin"]);

export default async function StaffConsolePage({ params }: { params: Promise<{ lng: string }> }) {
  const lng = await pageLocale(params);
  const user = await getSessionUser();
  if (user?.kind !== "staff" || !user.role) redirect(`/${lng}/staff/login`);
  const t = getT(lng, "staff");
  const tc = getT(lng, "common");
  const db = getDb();
  const profile = await loadStaffProfile(db, user, lng);
  // Staff see only their own area; an admin's account has no area and sees all.
  const queue = queueRoles.has(user.role)
    ? await listApplicationsForArea(db, user.role === "admin" ? null : (user.areaCode ?? "-"))
    : null;
  return (
    <PageFrame lng={lng} title={t("console.title")}>
      <section className="mb-5 rounded-xl bg-cell p-4" data-testid="staff-console">
        <h2 className="mb-2 text-lg font-semibold">{t("console.welcome", { name: user.displayName ?? "" })}</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-ink-muted">{t("console.role")}</dt>
          <dd data-testid="staff-role">{t(`roles.${user.role}`)}</dd>
          {user.role === "school_admin" ? (
            <>
              <dt className="text-ink-muted">{t("console.school")}</dt>
              <dd>{profile.schoolName}</dd>
            </>
          ) : (
            <>
              <dt className="text-ink-muted">{t("console.area")}</dt>
              <dd>{profile.areaName ?? t("console.allAreas")}</dd>
            </>
          )}
        </dl>
      </section>
      {queue ? (
        <section aria-labelledby="queue-heading" className="mb-5">
          <h2 id="queue-heading" className="mb-2 px-1 text-sm font-medium text-ink-muted">
            {t("console.queueHeading")}
          </h2>
          {queue.length ? (
            <ApplicationList
              items={queue}
              lng={lng}
              labels={{
                reference: t("console.reference"),
                submittedAt: t("console.submittedAt"),
                status: (status) => tc(`status.${status}`),
              }}
            />
          ) : (
            <p className="rounded-xl bg-cell p-4">{t("console.queueEmpty")}</p>
          )}
        </section>
      ) : null}
      <div className="mb-5">
        <Notice>{t("console.comingSoon")}</Notice>
      </div>
      <SignOutButton label={t("console.signOut")} returnTo={`/${lng}/staff/login`} />
    </PageFrame>
  );
}
