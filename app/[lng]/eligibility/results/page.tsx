import { Link } from "@/components/ui/link";
import { redirectWithinSite } from "@/lib/http/redirect";
import { ProgrammeCard, type ProgrammeCardLabels } from "@/components/eligibility/programme-card";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { GlossaryTerms } from "@/components/ui/glossary";
import { evaluateEligibility } from "@/lib/eligibility";
import { firstIncomplete, readState, stateQuery, toAnswers, type Query } from "@/lib/eligibility/screener";
import { formQuery } from "@/lib/estimate/form";
import { screenerPrefillQuery } from "@/lib/applications/prefill";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { WhoToCall } from "@/components/contacts/who-to-call";
import { calendarDateInChina } from "@/lib/calendar/working-days";
import { requestNow } from "@/lib/config/demo-clock";

export default async function Page({ params, searchParams }: { params: Promise<{ lng: string }>; searchParams: Promise<Query> }) {
  const lng = await pageLocale(params);
  const t = getT(lng, "eligibility");
  const cardLabels: ProgrammeCardLabels = {
    status: { eligible: t("results.eligible"), maybe: t("results.maybe"), "not-eligible": t("results.no") },
    needsRecognition: t("results.needsRecognition"),
    reasons: t("results.reasons"),
    nextSteps: t("results.nextSteps"),
    documents: t("results.documents"),
    office: t("results.office"),
    basis: t("results.basis"),
    listSeparator: t("rules.listSeparator"),
  };
  const state = readState(await searchParams);
  const missing = firstIncomplete(state);
  if (missing) redirectWithinSite(`/${lng}/eligibility/q/${missing}?${stateQuery(state)}`);
  const answers = toAnswers(state);
  const result = evaluateEligibility(answers, lng);
  const groups = (["eligible", "maybe", "not-eligible"] as const).map((status) => ({
    status,
    items: result.programmes.filter((p) => p.status === status),
  }));
  const count = (s: string) => String(result.programmes.filter((p) => p.status === s).length);
  const anyRecognition = result.programmes.some((p) => p.needsRecognition && p.status === "maybe");
  const estimateHref = `/${lng}/estimate?${formQuery({
    policy: answers.policy,
    insurance: answers.insurance,
    cat: result.estimateCategories,
    age: answers.age !== undefined ? String(answers.age) : "",
  })}`;
  // The answers the application can use (place, who is ill, certificates) go with the link: the family types them once.
  const applyQuery = screenerPrefillQuery({ policy: answers.policy, who: answers.who, certifications: answers.certifications });
  const relief = result.programmes.find((p) => p.id === "temporary-relief")!;
  const headings = { eligible: ["results.eligible", "results.eligibleHint"], maybe: ["results.maybe", "results.maybeHint"], "not-eligible": ["results.no", "results.noHint"] } as const;
  const query = stateQuery(state);
  const today = calendarDateInChina(await requestNow());

  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("results.title")} backHref={`/${lng}/eligibility/check?${query}`} query={query}>
      <div className="rounded-xl bg-cell px-4 py-3">
        <p className="text-base" data-testid="results-summary">
          {t("results.summary", { pack: result.policy.title, eligible: count("eligible"), maybe: count("maybe"), no: count("not-eligible") })}
        </p>
        <p className="mt-2 rounded-lg bg-warn-soft px-3 py-2 text-sm font-medium">{t("results.disclaimer")}</p>
        <div className="mt-3 flex flex-col gap-2">
          <Link href={estimateHref} className="tap-target flex items-center justify-center rounded-xl bg-brand px-4 py-3 text-base font-semibold text-white" data-testid="to-estimate">
            {t("results.toEstimate")}
          </Link>
          {relief.status !== "not-eligible" ? (
            <Link href={`/${lng}/apply?${applyQuery.toString()}`} className="tap-target flex items-center justify-center rounded-xl border border-brand bg-cell px-4 py-3 text-base text-brand" data-testid="to-apply">
              {t("results.toApply")}
            </Link>
          ) : null}
        </div>
      </div>

      {result.enrolFirst ? (
        <section aria-labelledby="enrol-first-heading" className="mt-4 rounded-xl border-2 border-brand bg-cell px-4 py-3 text-sm" data-testid="enrol-first">
          <h2 id="enrol-first-heading" className="text-base font-semibold">
            {t("results.enrolFirstHeading")}
          </h2>
          {result.enrolFirst.reasons.map((r, i) => (
            <p key={i} className="mt-1">
              {r}
            </p>
          ))}
          <ol className="mt-1 list-decimal space-y-1 pl-5">
            {result.enrolFirst.steps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
          <GlossaryTerms lng={lng} texts={[...result.enrolFirst.reasons, ...result.enrolFirst.steps]} testId="glossary-enrol-first" />
        </section>
      ) : null}

      {anyRecognition ? (
        <section aria-labelledby="recognition-heading" className="mt-4 rounded-xl bg-brand-soft px-4 py-3 text-sm" data-testid="recognition">
          <h2 id="recognition-heading" className="text-base font-semibold">
            {t("results.recognitionHeading")}
          </h2>
          <p className="mt-1">{t("results.recognitionBody")}</p>
          <p className="mt-1">{t("results.recognitionSteps")}</p>
          <p className="mt-1">{t("results.recognitionTime")}</p>
        </section>
      ) : null}

      {groups.map((g) =>
        g.items.length ? (
          <section key={g.status} aria-labelledby={`group-${g.status}`} className="mt-5" data-testid={`group-${g.status}`}>
            <h2 id={`group-${g.status}`} className="px-1 text-lg font-semibold">
              {t(headings[g.status][0])}（{g.items.length}）
            </h2>
            <p className="mb-2 px-1 text-sm text-ink-muted">{t(headings[g.status][1])}</p>
            <ul className="space-y-2">
              {g.items.map((p) => (
                <ProgrammeCard key={p.id} lng={lng} programme={p} labels={cardLabels} />
              ))}
            </ul>
          </section>
        ) : null,
      )}

      <WhoToCall t={getT(lng, "common")} packId={answers.policy} on={today} className="mt-5" />

      <div className="mt-5 flex flex-col gap-2">
        <Link href={`/${lng}/eligibility/check?${query}`} className="tap-target flex items-center justify-center rounded-xl border border-brand bg-cell px-4 py-3 text-base text-brand">
          {t("results.changeAnswers")}
        </Link>
        <Link href={`/${lng}/eligibility/q/place`} className="tap-target flex items-center justify-center rounded-xl border border-line bg-cell px-4 py-3 text-base">
          {t("results.restart")}
        </Link>
      </div>
    </PageFrame>
  );
}
