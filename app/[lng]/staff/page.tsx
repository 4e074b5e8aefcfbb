import { ApplicationList } from "@/components/applications/application-list";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { PageFrame } from "@/components/shell/page-frame";
import { Link } from "@/components/ui/link";
import { frameTexts } from "@/lib/i18n/frame";
import { serviceContext } from "@/lib/applications/context";
import { listQueueFor } from "@/lib/applications/queries";
import { APPLICATION_STATUSES } from "@/lib/applications/state-machine";
import { requireStaff, staffHomePath } from "@/lib/auth/guards";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { loadStaffProfile } from "@/lib/staff/profile";
import { EDUCATION_ROLES, FUNDING_LIST_ROLES, MONITORING_ROLES } from "@/lib/auth/roles";
import { Pager } from "@/components/ui/pager";
import { pagerTexts } from "@/lib/i18n/labels";
import { pageHref, requestedPage } from "@/lib/paging/page";

export default async function StaffConsolePage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const lng = await pageLocale(params);
  const query = await searchParams;
  const filter = {
    status: query.status ?? null,
    urgent: query.urgent === "1",
    overdue: query.overdue === "1",
    name: query.name?.slice(0, 50) ?? null,
  };
  const user = await requireStaff(lng, staffHomePath(lng));
  const t = getT(lng, "staff");
  const tc = getT(lng, "common");
  const tk = getT(lng, "console");
  const ta = getT(lng, "apply");
  const { db } = await serviceContext();
  const profile = await loadStaffProfile(db, user, lng);
  // The queue covers what the person may see (their area; an admin every area); null for roles without cases.
  const queue = await listQueueFor(db, user.actor, filter, { page: requestedPage(query.page) });
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("console.title")}>
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
        {user.role === "desk" ? (
          <Link href={`/${lng}/desk`} className="tap-target mt-3 flex items-center justify-center rounded-lg bg-brand text-lg font-semibold text-white" data-testid="desk-home-link">
            {getT(lng, "desk")("links.deskHome")}
          </Link>
        ) : null}
      </section>
      {(EDUCATION_ROLES as readonly string[]).includes(user.role) ? (
        <Link href={`/${lng}/staff/education`} className="tap-target mb-5 flex items-center rounded-xl bg-cell px-4 font-semibold text-brand" data-testid="education-link">
          {getT(lng, "zhuanban")("education.link")}
        </Link>
      ) : null}
      {(MONITORING_ROLES as readonly string[]).includes(user.role) ? (
        <Link href={`/${lng}/staff/monitoring`} className="tap-target mb-5 flex items-center rounded-xl bg-cell px-4 font-semibold text-brand" data-testid="monitoring-link">
          {t("monitoring.queueLink")}
        </Link>
      ) : null}
      {(FUNDING_LIST_ROLES as readonly string[]).includes(user.role) ? (
        <Link href={`/${lng}/staff/funding`} className="tap-target mb-5 flex items-center rounded-xl bg-cell px-4 font-semibold text-brand" data-testid="funding-link">
          {getT(lng, "school")("funding.link")}
        </Link>
      ) : null}
      {queue ? (
        <section aria-labelledby="queue-heading" className="mb-5">
          <h2 id="queue-heading" className="mb-2 px-1 text-sm font-medium text-ink-muted">
            {t("console.queueHeading")}
          </h2>
          <form method="get" className="mb-3 space-y-2 rounded-xl bg-cell p-3" data-testid="queue-filters">
            <label className="block">
              <span className="mb-1 block text-sm font-medium">{tk("queue.name")}</span>
              <input
                type="search"
                name="name"
                defaultValue={filter.name ?? ""}
                maxLength={50}
                autoComplete="off"
                aria-describedby="queue-name-hint"
                className="tap-target w-full rounded-lg border border-line bg-white px-3"
                data-testid="queue-name"
              />
              <span id="queue-name-hint" className="mt-1 block text-sm text-ink-muted">
                {tk("queue.nameHint")}
              </span>
            </label>
            <label className="block">
              <span className="mb-1 block text-sm font-medium">{tk("queue.status")}</span>
              <select name="status" defaultValue={filter.status ?? ""} className="tap-target w-full rounded-lg border border-line bg-white px-3">
                <option value="">{tk("queue.allStatuses")}</option>
                {APPLICATION_STATUSES.filter((s) => s !== "draft").map((s) => (
                  <option key={s} value={s}>
                    {tc(`status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="tap-target flex items-center gap-2">
              <input type="checkbox" name="urgent" value="1" defaultChecked={filter.urgent} className="h-5 w-5" />
              {tk("queue.urgent")}
            </label>
            <label className="tap-target flex items-center gap-2">
              <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue} className="h-5 w-5" />
              {tk("queue.overdue")}
            </label>
            <button type="submit" className="tap-target w-full rounded-lg border border-brand font-semibold text-brand" data-testid="apply-filters">
              {tk("queue.apply")}
            </button>
          </form>
          {queue.items.length ? (
            <ApplicationList
              items={queue.items}
              lng={lng}
              hrefFor={(item) => `/${lng}/staff/applications/${item.id}`}
              labels={{
                reference: t("console.reference"),
                submittedAt: t("console.submittedAt"),
                status: (status) => tc(`status.${status}`),
                due: (date) => tk("queue.due", { date }),
                overdue: tk("queue.overdueFlag"),
                provisional: tk("queue.provisionalFlag"),
                urgent: tk("queue.urgentFlag"),
                applicant: (name) => tk("queue.applicant", { name }),
                reliefType: (type) => ta(`options.reliefType.${type}`),
                urgency: (urgency) => tk("queue.urgencyLabel", { urgency: tk(`queue.urgency.${urgency}`) }),
              }}
            />
          ) : (
            <p className="rounded-xl bg-cell p-4">{t("console.queueEmpty")}</p>
          )}
          <Pager window={queue} hrefFor={(page) => pageHref(`/${lng}/staff`, query, page)} texts={pagerTexts(tc, queue)} />
        </section>
      ) : null}
      <SignOutButton label={t("console.signOut")} returnTo={`/${lng}/staff/login`} />
    </PageFrame>
  );
}
