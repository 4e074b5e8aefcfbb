import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { ReviewSummary } from "@/components/apply/review-summary";
import { SubmitButton } from "@/components/apply/submit-button";
import { AssistedFrame } from "@/components/desk/assisted-frame";
import { PageFrame } from "@/components/shell/page-frame";
import { Notice } from "@/components/ui/cells";
import { Link } from "@/components/ui/link";
import { findArea } from "@/lib/applications/areas";
import { serviceContext } from "@/lib/applications/context";
import { SECTION_IDS } from "@/lib/applications/draft-schema";
import { procedureTimings } from "@/lib/applications/procedure";
import { requireStaff } from "@/lib/auth/guards";
import { assistedDraft } from "@/lib/desk/assisted";
import { frameTexts } from "@/lib/i18n/frame";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { submitAssistedAction } from "@/app/[lng]/desk/assisted-actions";

/**
 * The summary the worker reads back to the applicant (the citizen's review, with who gave each answer),
 * the applicant's confirmation the worker ticks, and the submit. The desk submits for the applicant;
 * it never decides: approving and paying stay with the area's staff.
 */
export default async function AssistedReviewPage({ params, searchParams }: { params: Promise<{ lng: string; id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const lng = await pageLocale(params);
  const { id } = await params;
  const query = await searchParams;
  const user = await requireStaff(lng, `/${lng}/desk/sessions/${id}/apply/review`, ["desk"]);
  const ctx = await serviceContext();
  const draft = await assistedDraft(ctx, user, id);
  if (!draft) notFound();
  const t = getT(lng, "apply");
  const td = getT(lng, "desk");
  const missing = SECTION_IDS.filter((s) => draft.statuses[s] !== "completed");
  const area = await findArea(ctx.db, draft.data.applicant?.areaCode);
  const timings = procedureTimings(area?.policyPackId);
  const base = `/${lng}/desk/sessions/${id}/apply`;
  const error = query.error === "not-confirmed" || query.error === "incomplete" ? query.error : null;
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={td("assisted.reviewTitle")} backHref={base}>
      <AssistedFrame person={draft.person} texts={{ whose: td("session.whose"), noPhone: td("home.noPhone") }} />
      <p className="mb-4">{td("assisted.reviewIntro")}</p>
      {error ? (
        <div className="mb-4" role="alert" data-testid="assisted-error">
          <Notice tone="danger">{td(`errors.${error}`)}</Notice>
        </div>
      ) : null}
      {missing.length ? (
        <div className="mb-4" role="alert" data-testid="review-missing">
          <Notice tone="warn">
            <p className="font-semibold">{t("review.missingHeading")}</p>
            <ul className="list-disc pl-5">
              {missing.map((s) => (
                <li key={s}>
                  <Link className="target-link underline" href={`${base}/${s}`}>
                    {t(`sections.${s}.title`)}
                  </Link>
                </li>
              ))}
            </ul>
          </Notice>
        </div>
      ) : null}
      <ReviewSummary
        lng={lng}
        t={(k, p) => t(k, p)}
        data={draft.data}
        documentsCount={0}
        area={area}
        sectionHref={(section) => `${base}/${section}`}
        enteredBy={{ labels: { worker: td("assisted.byWorker"), applicant: td("assisted.byApplicant") } }}
      />
      {missing.length === 0 ? (
        <form action={submitAssistedAction.bind(null, lng, id)} className="rounded-xl bg-cell p-4" data-testid="submit-form">
          {/* One key per rendering of this page: a double tap or a resend submits once. */}
          <input type="hidden" name="submitKey" value={randomUUID()} />
          <label className="tap-target mb-3 flex items-start gap-3">
            <input type="checkbox" name="applicantConfirmed" className="mt-1 h-6 w-6 shrink-0" data-testid="applicant-confirmed" />
            <span className="font-medium">{td("assisted.confirm")}</span>
          </label>
          <p className="mb-3 text-sm text-ink-muted">{t("review.submitNote", { days: timings.acceptance.days })}</p>
          <SubmitButton label={td("assisted.submit")} />
        </form>
      ) : null}
    </PageFrame>
  );
}
