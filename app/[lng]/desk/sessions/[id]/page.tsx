import { notFound } from "next/navigation";
import { HandedOver } from "@/components/desk/handed-over";
import { PageFrame } from "@/components/shell/page-frame";
import { Link } from "@/components/ui/link";
import { serviceContext } from "@/lib/applications/context";
import { requireStaff } from "@/lib/auth/guards";
import { submittedApplicationOf } from "@/lib/desk/assisted";
import { handedOverTexts, handoverStateFor } from "@/lib/desk/handover";
import { sessionFor } from "@/lib/desk/sessions";
import { frameTexts } from "@/lib/i18n/frame";
import { formatDateTime } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { withdrawConsentAction } from "@/app/[lng]/desk/session-actions";
import { enterAssistedFrameAction, issueHandoverAction } from "@/app/[lng]/desk/handover-actions";

/**
 * An assisted session: whose session it is (masked, readable across the desk; the frame's 长辈版
 * switch makes everything larger), the consent it rests on, and withdrawing it.
 */
export default async function SessionPage({ params }: { params: Promise<{ lng: string; id: string }> }) {
  const lng = await pageLocale(params);
  const { id } = await params;
  const user = await requireStaff(lng, `/${lng}/desk/sessions/${id}`, ["desk"]);
  const session = await sessionFor(await serviceContext(), user, id);
  // A session handed over to the applicant's phone: only that it was, and when (lib/desk/handover.ts).
  // Withdrawn, or another area's: the same as one that does not exist.
  const handover = await handoverStateFor(await serviceContext(), user, id);
  if (!session && handover?.status === "handed-over") {
    return (
      <PageFrame lng={lng} texts={frameTexts(lng)} title={getT(lng, "desk")("session.title")} backHref={`/${lng}/desk`}>
        <HandedOver texts={handedOverTexts(lng, handover.endedAt)} />
      </PageFrame>
    );
  }
  if (!session || handover?.status !== "open") notFound();
  const submittedId = await submittedApplicationOf(await serviceContext(), user, id);
  const t = getT(lng, "desk");
  const h = getT(lng, "handover");
  const frameButton = "tap-target w-full rounded-lg border border-brand bg-white text-lg text-brand";
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("session.title")} backHref={`/${lng}/desk`}>
      <section className="mb-4 rounded-xl border-2 border-brand bg-cell p-4" aria-labelledby="whose-h" data-testid="assisted-frame">
        <p id="whose-h" className="text-sm text-ink-muted">
          {t("session.whose")}
        </p>
        <p className="text-2xl font-bold" data-testid="session-person">
          {session.person.nameMasked}
        </p>
        <p>
          {session.person.idNumberMasked} · {session.person.phoneMasked ?? t("home.noPhone")}
        </p>
      </section>
      <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="consent-h" data-testid="consent-record">
        <h2 id="consent-h" className="mb-2 text-lg font-semibold">
          {t("session.consentHeading")}
        </h2>
        {session.consent ? (
          <ul className="list-disc pl-6">
            <li>{t(`session.methods.${session.consent.method}`)}</li>
            <li>{t("session.givenAt", { at: formatDateTime(session.consent.givenAt, lng) })}</li>
            {session.consent.purposes.map((p) => (
              <li key={p}>{t(`session.purposes.${p}`)}</li>
            ))}
          </ul>
        ) : null}
      </section>
      <section className="mb-4 rounded-xl bg-cell p-4">
        <h2 className="mb-2 text-lg font-semibold">{t("session.nextHeading")}</h2>
        <p className="text-sm">{t("session.nextPending")}</p>
        <p className="mt-2 text-sm text-ink-muted">{t("assisted.startHint")}</p>
        {submittedId ? (
          <>
            <p className="mt-2 font-medium" data-testid="assisted-submitted">{t("assisted.submitted")}</p>
            <Link href={`/${lng}/staff/applications/${submittedId}`} className="target-link text-brand underline" data-testid="assisted-submitted-link">
              {t("assisted.submittedLink")}
            </Link>
          </>
        ) : (
          <Link
            href={`/${lng}/desk/sessions/${session.id}/apply`}
            className="tap-target mt-3 inline-flex w-full items-center justify-center rounded-lg bg-brand text-lg font-semibold text-white"
            data-testid="start-assisted"
          >
            {t("assisted.start")}
          </Link>
        )}
        <p className="mt-2">
          <Link href={`/${lng}/desk/consent-form`} className="target-link text-brand underline">
            {t("home.printConsent")}
          </Link>
        </p>
      </section>
      <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="tools-h" data-testid="assisted-tools">
        <h2 id="tools-h" className="mb-2 text-lg font-semibold">
          {h("frame.heading")}
        </h2>
        <div className="flex flex-col gap-2">
          <form action={enterAssistedFrameAction.bind(null, lng, session.id, "eligibility")}>
            <button type="submit" className={frameButton} data-testid="frame-eligibility">
              {h("frame.eligibility")}
            </button>
          </form>
          <form action={enterAssistedFrameAction.bind(null, lng, session.id, "estimate")}>
            <button type="submit" className={frameButton} data-testid="frame-estimate">
              {h("frame.estimate")}
            </button>
          </form>
        </div>
      </section>
      {submittedId ? null : (
        <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="handover-h" data-testid="handover-section">
          <h2 id="handover-h" className="mb-2 text-lg font-semibold">
            {h("desk.heading")}
          </h2>
          <p className="mb-3 text-sm">{handover.hasDraft ? h("desk.hint") : h("desk.noDraft")}</p>
          {handover.hasDraft && !handover.current ? (
            <form action={issueHandoverAction.bind(null, lng, session.id)}>
              <button type="submit" className="tap-target w-full rounded-lg border border-brand bg-white text-lg text-brand" data-testid="handover-link">
                {h("desk.show")}
              </button>
            </form>
          ) : null}
          {handover.current ? (
            <Link
              href={`/${lng}/desk/sessions/${session.id}/handover`}
              className="tap-target inline-flex w-full items-center justify-center rounded-lg border border-brand bg-white text-lg text-brand"
              data-testid="handover-link"
            >
              {h("desk.show")}
            </Link>
          ) : null}
        </section>
      )}
      <form action={withdrawConsentAction.bind(null, lng, session.id)} className="rounded-xl bg-cell p-4" data-testid="withdraw-form">
        <p className="mb-2 text-sm">{t("session.withdrawHint")}</p>
        <button type="submit" className="tap-target w-full rounded-lg border border-danger bg-white text-lg font-semibold text-danger" data-testid="withdraw-consent">
          {t("session.withdraw")}
        </button>
      </form>
    </PageFrame>
  );
}
