import { randomUUID } from "node:crypto";
import { Link } from "@/components/ui/link";
import { redirectWithinSite } from "@/lib/http/redirect";
import { ReviewSummary } from "@/components/apply/review-summary";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { Notice } from "@/components/ui/cells";
import { SubmitButton } from "@/components/apply/submit-button";
import { SECTION_IDS } from "@/lib/applications/draft-schema";
import { procedureTimings } from "@/lib/applications/procedure";
import { findArea } from "@/lib/applications/areas";
import { serviceContext } from "@/lib/applications/context";
import { getOrCreateDraft, sectionStatuses } from "@/lib/applications/service";
import { requireCitizen } from "@/lib/auth/guards";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { submitAction } from "@/app/[lng]/apply/actions";

export default async function ReviewPage({ params }: { params: Promise<{ lng: string }> }) {
  const lng = await pageLocale(params);
  const user = await requireCitizen(lng, `/${lng}/apply/review`);
  const t = getT(lng, "apply");
  const ctx = await serviceContext();
  const draft = await getOrCreateDraft(ctx, user.id);
  const statuses = sectionStatuses(draft.data, draft.documents.map((d) => d.docType));
  const missing = SECTION_IDS.filter((s) => statuses[s] !== "completed");
  const area = await findArea(ctx.db, draft.data.applicant?.areaCode);
  const timings = procedureTimings(area?.policyPackId);
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("review.title")} backHref={`/${lng}/apply`}>
      <p className="mb-4">{t("review.intro")}</p>
      {missing.length ? (
        <div className="mb-4" role="alert" data-testid="review-missing">
          <Notice tone="warn">
            <p className="font-semibold">{t("review.missingHeading")}</p>
            <ul className="list-disc pl-5">
              {missing.map((s) => (
                <li key={s}>
                  <Link className="target-link underline" href={`/${lng}/apply/${s}`}>
                    {t(`sections.${s}.title`)}
                  </Link>
                </li>
              ))}
            </ul>
          </Notice>
        </div>
      ) : null}
      <ReviewSummary lng={lng} t={(k, p) => t(k, p)} data={draft.data} documentsCount={draft.documents.length} area={area} sectionHref={(section) => `/${lng}/apply/${section}`} />
      {missing.length === 0 ? (
        <form action={submitAction.bind(null, lng)} data-testid="submit-form">
          {/* One key per rendering of this page: a double tap or a resend submits once. */}
          <input type="hidden" name="submitKey" value={randomUUID()} />
          <p className="mb-3 text-sm text-ink-muted">{t("review.submitNote", { days: timings.acceptance.days })}</p>
          <SubmitButton label={t("review.submit")} />
        </form>
      ) : null}
    </PageFrame>
  );
}
