import { notFound } from "next/navigation";
import { addViewerAction, removeViewerAction } from "@/app/[lng]/progress/[id]/family/actions";
import { CheckboxField, ErrorSummary, SubmitButton, TextField } from "@/components/form/fields";
import { PageFrame } from "@/components/shell/page-frame";
import { Notice } from "@/components/ui/cells";
import { Num } from "@/components/ui/num";
import { serviceContext } from "@/lib/applications/context";
import { activeViewerFor } from "@/lib/applications/viewers";
import { requireCitizen } from "@/lib/auth/guards";
import { frameTexts } from "@/lib/i18n/frame";
import { formatDateTime } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

/** Which field each refusal belongs to (the form comes back with the error beside it). */
const ERROR_FIELD: Record<string, "phone" | "confirm"> = {
  required: "phone",
  phone: "phone",
  "own-phone": "phone",
  "viewer-exists": "phone",
  "confirm-required": "confirm",
  invalid: "phone",
};

/** 与家人共享进度: the applicant shares this application's timeline with one family member, or ends the share. */
export default async function FamilySharePage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string; id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const lng = await pageLocale(params);
  const { id } = await params;
  const query = await searchParams;
  const user = await requireCitizen(lng, `/${lng}/progress/${id}/family`);
  const viewer = await activeViewerFor(await serviceContext(), user.id, id);
  // Someone else's application answers exactly like one that does not exist.
  if (viewer === undefined) notFound();
  const t = getT(lng, "apply");
  const error = query.error && query.error in ERROR_FIELD ? query.error : null;
  const message = error ? t(`family.errors.${error}`) : undefined;
  const field = error ? ERROR_FIELD[error] : null;
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("family.title")} backHref={`/${lng}/progress/${id}`}>
      {query.added ? (
        <div className="mb-4" role="status" data-testid="family-added">
          <Notice>{t(query.added === "no-sms" ? "family.addedNoSms" : "family.added")}</Notice>
        </div>
      ) : null}
      {query.removed ? (
        <div className="mb-4" role="status" data-testid="family-removed">
          <Notice>{t("family.removed")}</Notice>
        </div>
      ) : null}
      {message && field ? <ErrorSummary title={t("family.errorTitle")} errors={[{ id: `family-${field}`, message }]} /> : null}
      <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="family-what">
        <p className="mb-2">{t("family.intro")}</p>
        <h2 id="family-what" className="mb-1 font-semibold">{t("family.sharesHeading")}</h2>
        <p className="mb-2" data-testid="family-shares">{t("family.shares")}</p>
        <h2 className="mb-1 font-semibold">{t("family.notSharedHeading")}</h2>
        <p data-testid="family-not-shared">{t("family.notShared")}</p>
      </section>
      {viewer ? (
        <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="family-current" data-testid="family-current">
          <h2 id="family-current" className="mb-1 text-lg font-semibold">{t("family.currentHeading")}</h2>
          <p className="mb-1">
            <Num>{viewer.phoneMasked}</Num>
            <span className="text-sm text-ink-muted"> · {t("family.addedOn", { date: formatDateTime(viewer.addedAt, lng) })}</span>
          </p>
          <p className="mb-3 text-sm text-ink-muted">{t("family.removeHint")}</p>
          <form action={removeViewerAction.bind(null, lng, { applicationId: id, viewerId: viewer.id })}>
            <button type="submit" className="tap-target w-full rounded-lg border-2 border-danger text-lg font-semibold text-danger" data-testid="family-remove">
              {t("family.remove")}
            </button>
          </form>
        </section>
      ) : (
        <form action={addViewerAction.bind(null, lng, { applicationId: id })} className="mb-4 rounded-xl bg-cell p-4" data-testid="family-form">
          <TextField
            id="family-phone"
            name="phone"
            label={t("family.phone")}
            hint={t("family.phoneHint")}
            error={field === "phone" ? message : undefined}
            type="tel"
            inputMode="numeric"
            maxLength={16}
            autoComplete="off"
            required
          />
          <CheckboxField id="family-confirm" name="confirm" label={t("family.confirm")} error={field === "confirm" ? message : undefined} checked={false} />
          <SubmitButton testId="family-add">{t("family.add")}</SubmitButton>
        </form>
      )}
    </PageFrame>
  );
}
