import { Link } from "@/components/ui/link";
import { redirectWithinSite } from "@/lib/http/redirect";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { activeSteps, firstIncomplete, readState, stateQuery, type Query, type ScreenerState, type Step } from "@/lib/eligibility/screener";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { listPolicies } from "@/lib/policy";

/** Check your answers: every answer with a change link back to its question. */
export default async function Page({ params, searchParams }: { params: Promise<{ lng: string }>; searchParams: Promise<Query> }) {
  const lng = await pageLocale(params);
  const t = getT(lng, "eligibility");
  const state = readState(await searchParams);
  const missing = firstIncomplete(state);
  if (missing) redirectWithinSite(`/${lng}/eligibility/q/${missing}?${stateQuery(state)}`);
  const query = stateQuery(state);
  const steps = activeSteps(state);
  const last = steps[steps.length - 1];

  const answer = (step: Step, s: ScreenerState): string => {
    const yn = (v?: string) => (v === "yes" ? t("yes") : t("no"));
    switch (step) {
      case "place":
        return listPolicies().find((p) => p.id === s.policy)?.title[lng] ?? "";
      case "who":
        return t(`question.who.${s.who}`);
      case "age":
        return s.age ? `${s.age} ${t("question.age.suffix")}` : t("check.notAnswered");
      case "insurance":
        return t(`question.insurance.${s.insurance}`);
      case "certs":
        return s.cert.map((c) => (c === "none" ? t("question.certs.none") : t(`rules.cert.${c}`))).join(t("rules.listSeparator"));
      default:
        return yn(s[step as "enrolled" | "costs" | "union" | "urgent"]);
    }
  };

  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("check.title")} backHref={`/${lng}/eligibility/q/${last}?${query}`} query={query}>
      <p className="mb-3 px-1 text-base">{t("check.intro")}</p>
      <dl className="divide-y divide-line overflow-hidden rounded-xl bg-cell" data-testid="answers">
        {steps.map((step) => (
          <div key={step} className="grid grid-cols-[1fr_auto] items-start gap-x-3 px-4 py-3">
            <dt className="col-start-1 text-sm text-ink-muted">{t(`question.${step}.title`)}</dt>
            <dd className="col-start-1 text-base font-medium" data-testid={`answer-${step}`}>
              {answer(step, state)}
            </dd>
            <dd className="col-start-2 row-span-2 row-start-1 self-center">
              <Link
                href={`/${lng}/eligibility/q/${step}?${stateQuery(state, { return: "check" })}`}
                className="tap-target flex items-center text-brand underline"
                data-testid={`change-${step}`}
              >
                {t("check.change")}
                <span className="sr-only">{t("check.changeLabel", { question: t(`question.${step}.title`) })}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <Link
        href={`/${lng}/eligibility/results?${query}`}
        className="tap-target mt-4 flex items-center justify-center rounded-xl bg-brand px-4 py-3 text-lg font-semibold text-white"
        data-testid="see-results"
      >
        {t("check.submit")}
      </Link>
    </PageFrame>
  );
}
