import { Link } from "@/components/ui/link";
import { redirectWithinSite } from "@/lib/http/redirect";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { Notice } from "@/components/ui/cells";
import { parsePrefill, prefillQuery, SECTION_IDS } from "@/lib/applications/draft-schema";
import { serviceContext } from "@/lib/applications/context";
import { getOrCreateDraft, sectionStatuses, setPrefill, setSchoolCasePrefill, setScreenerPrefill } from "@/lib/applications/service";
import { openInvitation, parseInviteQuery } from "@/lib/schools/zhuanban/cases";
import { answersSoFar, parseScreenerPrefill, screenerPrefillQuery } from "@/lib/applications/prefill";
import { requiredDocuments } from "@/lib/applications/documents";
import { PrintButton } from "@/components/apply/print-button";
import { currentUser } from "@/lib/auth/guards";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { WhoToCall } from "@/components/contacts/who-to-call";
import { findArea } from "@/lib/applications/areas";
import { calendarDateInChina } from "@/lib/calendar/working-days";
import { requestNow } from "@/lib/config/demo-clock";

export default async function ApplyPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const lng = await pageLocale(params);
  const t = getT(lng, "apply");
  const query = await searchParams;
  const prefill = parsePrefill(query);
  const screener = parseScreenerPrefill(query);
  const invite = parseInviteQuery(query);
  // Visitors see what the application is and a way to sign in (with the estimate they came from).
  const user = await currentUser();
  if (user?.kind !== "citizen") {
    const back = prefill
      ? `/${lng}/apply?${prefillQuery(prefill)}`
      : screener
        ? `/${lng}/apply?${screenerPrefillQuery(screener)}`
        : invite
          ? `/${lng}/apply?${new URLSearchParams({ from: "school-case", invite })}`
          : `/${lng}/apply`;
    return (
      <PageFrame lng={lng} texts={frameTexts(lng)} title={t("title")}>
        <p className="mb-4">{t("intro")}</p>
        <div className="rounded-xl bg-cell p-4">
          <p className="mb-4">{t("signInPrompt")}</p>
          <Link
            href={`/${lng}/login?returnTo=${encodeURIComponent(back)}`}
            className="tap-target inline-flex w-full items-center justify-center rounded-lg bg-brand text-lg font-semibold text-white"
            data-testid="apply-sign-in"
          >
            {t("signIn")}
          </Link>
        </div>
      </PageFrame>
    );
  }
  const ctx = await serviceContext();
  if (prefill) {
    await setPrefill(ctx, user.id, prefill);
    redirectWithinSite(`/${lng}/apply?prefilled=1`);
  }
  if (screener) {
    await setScreenerPrefill(ctx, user.id, screener);
    redirectWithinSite(`/${lng}/apply?prefilled=eligibility`);
  }
  if (invite) {
    // A 专班 invitation: the case's area and the pupil (for the guardian's own phone) pre-fill; a used or replaced link says so.
    const schoolCase = await openInvitation(ctx.db, user.id, invite, ctx.now ? ctx.now() : new Date());
    if (schoolCase) await setSchoolCasePrefill(ctx, user.id, schoolCase);
    redirectWithinSite(`/${lng}/apply?prefilled=${schoolCase ? "school-case" : "invite-expired"}`);
  }
  const draft = await getOrCreateDraft(ctx, user.id);
  const statuses = sectionStatuses(draft.data, draft.documents.map((d) => d.docType));
  const done = SECTION_IDS.filter((s) => statuses[s] === "completed").length;
  // What to have at hand, from the answers known so far (saved, or carried from 查资格).
  const toPrepare = requiredDocuments(answersSoFar(draft.data));
  // Who to call for the place chosen (or the place 查资格 was about); national lines until then.
  const contactPack = (await findArea(ctx.db, draft.data.applicant?.areaCode))?.policyPackId ?? draft.data.screener?.policy;
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("title")} backHref={`/${lng}/services`}>
      <p className="mb-3">{t("intro")}</p>
      {query.prefilled ? (
        <div className="mb-3">
          <Notice>
            {t(
              query.prefilled === "eligibility"
                ? "prefilledFromEligibility"
                : query.prefilled === "school-case"
                  ? "prefilledFromSchoolCase"
                  : query.prefilled === "invite-expired"
                    ? "inviteExpired"
                    : "prefilled",
            )}
          </Notice>
        </div>
      ) : null}
      {query.handedOver === "desk" || query.handedOver === "own" ? (
        <div className="mb-3" data-testid="handed-over-notice">
          <Notice>{getT(lng, "handover")(query.handedOver === "desk" ? "phone.movedNotice" : "phone.keptOwnNotice")}</Notice>
        </div>
      ) : null}
      {done < SECTION_IDS.length ? (
        <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="prepare-h" data-testid="prepare">
          <h2 id="prepare-h" className="mb-1 text-lg font-semibold">{t("prepare.heading")}</h2>
          <p className="mb-2 text-sm text-ink-muted">{t("prepare.intro")}</p>
          <ul className="mb-3 list-disc space-y-1 pl-5">
            {toPrepare.map((doc) => (
              <li key={doc}>
                <span className="font-medium">{t(`documents.types.${doc}`)}</span>
                <span className="text-sm text-ink-muted">：{t(`documents.hints.${doc}`)}</span>
              </li>
            ))}
          </ul>
          <PrintButton label={t("prepare.print")} />
        </section>
      ) : null}
      <p className="mb-3 text-sm text-ink-muted" data-testid="progress-count">
        {t("taskList.progress", { done, total: SECTION_IDS.length })}
      </p>
      <ol className="mb-5 divide-y divide-line overflow-hidden rounded-xl bg-cell" data-testid="task-list">
        {SECTION_IDS.map((s, i) => (
          <li key={s} id={s}>
            <Link href={`/${lng}/apply/${s}`} className="tap-target flex items-center justify-between gap-3 px-4 py-3" aria-describedby={`status-${s}`}>
              <span className="font-medium">
                {i + 1}. {t(`sections.${s}.title`)}
              </span>
              <span
                id={`status-${s}`}
                data-testid={`status-${s}`}
                className={`shrink-0 rounded-full px-3 py-1 text-sm ${statuses[s] === "completed" ? "bg-brand-soft font-medium" : "bg-page text-ink-muted"}`}
              >
                {t(`taskList.${statuses[s]}`)}
              </span>
            </Link>
          </li>
        ))}
      </ol>
      <Link
        href={`/${lng}/apply/review`}
        className="tap-target inline-flex w-full items-center justify-center rounded-lg bg-brand text-lg font-semibold text-white"
        data-testid="go-review"
      >
        {t("taskList.review")}
      </Link>
      <p className="mt-3 text-sm text-ink-muted">{t("taskList.savedNote")}</p>
      <WhoToCall t={getT(lng, "common")} packId={contactPack} on={calendarDateInChina(await requestNow())} className="mt-5" />
    </PageFrame>
  );
}
