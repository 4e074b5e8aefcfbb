import type { Metadata } from "next";
import { PageFrame } from "@/components/shell/page-frame";
import { Link } from "@/components/ui/link";
import { serviceContext } from "@/lib/applications/context";
import { citizenSignInPath, currentUser } from "@/lib/auth/guards";
import { type DraftSummary, handoverViewFor } from "@/lib/desk/handover";
import { frameTexts } from "@/lib/i18n/frame";
import { formatDateTime } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/settings";
import { claimHandoverAction } from "@/app/[lng]/desk/handover-actions";

// The page's title comes from its PageFrame heading; a link with a token is never indexed.
export const metadata: Metadata = { robots: { index: false } };

const ERRORS = ["expired", "used", "not-found", "choose", "not-confirmed", "conflict"] as const;

/**
 * Where a hand-over QR code leads (lib/desk/handover.ts): sign in by phone, then take the draft the desk
 * started onto this account, or, when the account already has a draft, choose which one to keep. Before
 * sign-in the page says nothing about the draft or the desk.
 */
export default async function HandoverClaimPage({ params, searchParams }: { params: Promise<{ lng: string; token: string }>; searchParams: Promise<{ error?: string }> }) {
  const lng = await pageLocale(params);
  const token = (await params).token.slice(0, 64);
  const errorParam = (await searchParams).error;
  const error = ERRORS.find((e) => e === errorParam) ?? null;
  const t = getT(lng, "handover");
  const here = `/${lng}/handover/${token}`;
  const user = await currentUser();
  const frame = (children: React.ReactNode) => (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("phone.title")}>
      {children}
    </PageFrame>
  );
  if (user?.kind !== "citizen") {
    return frame(
      <div className="rounded-xl bg-cell p-4">
        <p className="mb-4">{t("phone.introNoDesk")}</p>
        <Link href={citizenSignInPath(lng, here)} className="tap-target inline-flex w-full items-center justify-center rounded-lg bg-brand text-lg font-semibold text-white" data-testid="handover-sign-in">
          {t("phone.signIn")}
        </Link>
      </div>,
    );
  }
  const view = await handoverViewFor(await serviceContext(), user.id, token);
  if (!view.ok) {
    return frame(
      <div className="rounded-xl bg-cell p-4" role="alert" data-testid="handover-error" data-code={view.code}>
        <p className="text-lg">{t(`errors.${view.code}`)}</p>
        <Link href={`/${lng}/me`} className="target-link mt-3 inline-flex text-brand underline">
          {getT(lng, "common")("nav.me")}
        </Link>
      </div>,
    );
  }
  const deskName = view.deskName ? (lng === "zh-Hant" ? view.deskName.zhHant : view.deskName.zhHans) : null;
  return frame(
    <>
      <p className="mb-4">{deskName ? t("phone.intro", { desk: deskName }) : t("phone.introNoDesk")}</p>
      {error ? (
        <p role="alert" className="mb-4 rounded-lg bg-warn-soft px-3 py-2 font-medium" data-testid="handover-form-error">
          {t(`errors.${error}`)}
        </p>
      ) : null}
      <Summary lng={lng} heading={t("phone.deskDraft")} summary={view.desk} testId="desk-draft" />
      {view.own ? (
        <>
          <Summary lng={lng} heading={t("phone.ownDraft")} summary={view.own} testId="own-draft" />
          <form action={claimHandoverAction.bind(null, lng, token)} className="rounded-xl border-2 border-brand bg-cell p-4" data-testid="choose-form">
            <h2 className="text-lg font-semibold">{t("phone.chooseHeading")}</h2>
            <p className="mb-3 text-sm">{t("phone.chooseHint")}</p>
            <fieldset className="mb-3">
              <legend className="mb-2 font-medium">{t("phone.keepLegend")}</legend>
              {(["desk", "own"] as const).map((keep) => (
                <label key={keep} className="tap-target flex items-center gap-3">
                  <input type="radio" name="keep" value={keep} className="h-6 w-6" data-testid={`keep-${keep}`} />
                  {t(keep === "desk" ? "phone.keepDesk" : "phone.keepOwn")}
                </label>
              ))}
            </fieldset>
            <label className="tap-target mb-3 flex items-center gap-3">
              <input type="checkbox" name="confirmed" className="h-6 w-6" data-testid="confirm-discard" />
              {t("phone.confirm")}
            </label>
            <button type="submit" className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="confirm-choice">
              {t("phone.confirmChoice")}
            </button>
          </form>
        </>
      ) : (
        <form action={claimHandoverAction.bind(null, lng, token)}>
          <button type="submit" className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="take-draft">
            {t("phone.continue")}
          </button>
        </form>
      )}
    </>,
  );
}

function Summary({ lng, heading, summary, testId }: { lng: Locale; heading: string; summary: DraftSummary; testId: string }) {
  const t = getT(lng, "handover");
  return (
    <section className="mb-4 rounded-xl bg-cell p-4" data-testid={testId}>
      <h2 className="mb-1 font-semibold">{heading}</h2>
      {summary.applicantNameMasked ? <p>{t("phone.applicant", { name: summary.applicantNameMasked })}</p> : null}
      <p>{t("phone.progress", { done: summary.completedSections, total: summary.totalSections, documents: summary.documents })}</p>
      <p className="text-sm text-ink-muted">{t("phone.updatedAt", { at: formatDateTime(summary.updatedAt, lng) })}</p>
    </section>
  );
}
