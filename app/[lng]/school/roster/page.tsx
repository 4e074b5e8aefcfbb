import { notFound } from "next/navigation";
import { PupilStatusText } from "@/components/school/pupil-status";
import { PageFrame } from "@/components/shell/page-frame";
import { Notice } from "@/components/ui/cells";
import { requireStaff } from "@/lib/auth/guards";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { frameTexts } from "@/lib/i18n/frame";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { listRoster, schoolDashboard } from "@/lib/schools/pupils";
import { schoolContextFor } from "@/lib/schools/school-context";
import { changeStatusAction } from "@/app/[lng]/school/roster/actions";

const ERRORS = ["not-allowed", "note-required", "not-found"];

/** The roster, masked, by class; the admin confirms a parent's receipt here. */
export default async function RosterPage({ params, searchParams }: { params: Promise<{ lng: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const lng = await pageLocale(params);
  const user = await requireStaff(lng, `/${lng}/school/roster`, SCHOOL_ROLES);
  const ctx = await schoolContextFor(user.actor);
  if (!ctx) notFound();
  const query = await searchParams;
  const t = getT(lng, "school");
  const grade = query.grade?.slice(0, 20);
  const className = query.class?.slice(0, 30);
  const [rows, { classes }] = await Promise.all([
    listRoster(ctx.db, ctx.schoolId, { grade, className, withNotes: true }),
    schoolDashboard(ctx.db, ctx.schoolId),
  ]);
  const back = `/${lng}/school/roster${grade || className ? `?${new URLSearchParams({ ...(grade ? { grade } : {}), ...(className ? { class: className } : {}) })}` : ""}`;
  const error = query.error && ERRORS.includes(query.error) ? query.error : null;
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("roster.heading")} backHref={`/${lng}/school`}>
      {query.imported ? (
        <Notice>
          <span data-testid="imported">
            {t("roster.imported", { renew: Number(query.renew ?? 0), new: Number(query.new ?? 0), transferIn: Number(query.transferIn ?? 0), leaving: Number(query.leaving ?? 0) })}
          </span>
        </Notice>
      ) : null}
      {query.changed ? <Notice>{t("roster.changed")}</Notice> : null}
      {error ? (
        <div role="alert" className="mb-3 rounded-xl border-2 border-danger bg-cell px-4 py-3 text-danger">
          {t("roster.error", { reason: t(`errors.${error}`) })}
        </div>
      ) : null}
      <form method="get" className="my-3 flex gap-2">
        <select name="class" defaultValue={className ?? ""} aria-label={t("roster.class")} className="tap-target flex-1 rounded-lg border border-line bg-white px-3" data-testid="class-filter">
          <option value="">{t("roster.allClasses")}</option>
          {[...new Set(classes.map((c) => c.className))].map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        {grade ? <input type="hidden" name="grade" value={grade} /> : null}
        <button type="submit" className="tap-target rounded-lg border border-brand px-4 font-semibold text-brand">
          {t("roster.filter")}
        </button>
      </form>
      <p className="mb-2 px-1 text-sm text-ink-muted" data-testid="roster-count">
        {t("roster.count", { count: rows.length })}
      </p>
      <ul className="divide-y divide-line rounded-xl bg-cell" data-testid="roster">
        {rows.map((r) => (
          <li key={r.id} className="px-4 py-3" data-testid="pupil">
            <div className="flex items-baseline justify-between gap-2">
              <span className="font-medium">{r.nameMasked}</span>
              <span className="text-sm text-ink-muted">
                {r.grade} {r.className}
              </span>
            </div>
            <div className="text-sm text-ink-muted">{r.idNumberMasked}</div>
            <div className="mt-1 flex items-center justify-between gap-2">
              <span data-testid="pupil-status" data-status={r.status}>
                <PupilStatusText t={t} lng={lng} status={r.status} amountDue={r.amountDue} />
                {r.note ? `：${r.note}` : ""}
              </span>
              {r.status === "paid-unverified" ? (
                <a href={`/api/v1/school/receipts/${r.id}`} target="_blank" rel="noopener" className="tap-target flex items-center text-sm font-semibold text-brand" data-testid="view-receipt">
                  {t("roster.viewReceipt")}
                </a>
              ) : null}
              {r.status === "paid-unverified" ? (
                <form action={changeStatusAction.bind(null, lng, { pupilId: r.id, back })}>
                  <input type="hidden" name="kind" value="verified" />
                  <button type="submit" className="tap-target rounded-lg border border-brand px-3 text-sm font-semibold text-brand" data-testid="verify">
                    {t("roster.verify")}
                  </button>
                </form>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </PageFrame>
  );
}
