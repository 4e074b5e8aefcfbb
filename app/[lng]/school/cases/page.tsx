import { notFound } from "next/navigation";
import { PageFrame } from "@/components/shell/page-frame";
import { Notice } from "@/components/ui/cells";
import { Link } from "@/components/ui/link";
import { Num } from "@/components/ui/num";
import { openCaseAction, sendConsentCodeAction } from "@/app/[lng]/school/cases/actions";
import { requireStaff } from "@/lib/auth/guards";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { frameTexts } from "@/lib/i18n/frame";
import { formatDate } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { schoolContextFor } from "@/lib/schools/school-context";
import { CONSENT_METHODS, CONSENT_RELATIONS, listSchoolCases } from "@/lib/schools/zhuanban/cases";

const ERRORS = ["required", "id-number", "too-long", "date", "consent-required", "not-on-roster", "invalid", "no-guardian-phone", "rate-limited", "sms-unavailable", "not-found"];

/** The school's 专班 cases (沈阳 000 六) and the form that opens one once the parent has consented. */
export default async function SchoolCasesPage({ params, searchParams }: { params: Promise<{ lng: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const lng = await pageLocale(params);
  const user = await requireStaff(lng, `/${lng}/school/cases`, SCHOOL_ROLES);
  const ctx = await schoolContextFor(user.actor);
  if (!ctx) notFound();
  const query = await searchParams;
  const t = getT(lng, "zhuanban");
  const cases = await listSchoolCases(ctx.db, user.actor);
  const anyError = query.error && ERRORS.includes(query.error) ? query.error : null;
  // The one alert goes with the form it came from: the paper consent, or the consent by code.
  const error = query.by === "code" ? null : anyError;
  const codeError = query.by === "code" ? anyError : null;
  const input = "tap-target w-full rounded-lg border border-line bg-white px-3";
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("title")} backHref={`/${lng}/school`}>
      <p className="mb-4">{t("intro")}</p>
      <h2 className="mb-2 px-1 text-sm font-medium text-ink-muted">{t("list.heading")}</h2>
      {cases.length === 0 ? (
        <Notice>{t("list.none")}</Notice>
      ) : (
        <ul className="divide-y divide-line rounded-xl bg-cell" data-testid="cases">
          {cases.map((c) => {
            const done = c.items.filter((i) => i.state === "applied" || i.state === "granted").length;
            return (
              <li key={c.id}>
                <Link href={`/${lng}/school/cases/${c.id}`} className="tap-target block px-4 py-3" data-testid="case-link">
                  <span className="font-medium">
                    <Num>{c.pupilNameMasked}</Num> · {c.classLabel}
                  </span>
                  <span className="block text-sm text-ink-muted">
                    {t("list.opened", { date: formatDate(c.createdAt, lng) })} · {t("list.progress", { done, total: c.items.length })}
                    {c.status === "closed" ? (
                      <span className="font-semibold text-ink" data-testid="case-closed-label">
                        {" · "}
                        {t("list.closed")}
                      </span>
                    ) : null}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}

      <section className="mt-6 rounded-xl bg-cell p-4" aria-labelledby="open-h">
        <h2 id="open-h" className="mb-2 text-lg font-semibold">
          {t("open.heading")}
        </h2>
        <p className="mb-3 text-sm">{t("open.consentIntro")}</p>
        {error ? (
          <div role="alert" className="mb-3 rounded-xl border-2 border-danger bg-white px-4 py-3 text-danger" data-testid="case-error">
            {t(`errors.${error}`)}
          </div>
        ) : null}
        <form action={openCaseAction.bind(null, lng)} className="space-y-3" data-testid="open-case">
          <label className="block">
            <span className="mb-1 block font-medium">{t("open.idNumber")}</span>
            <span className="mb-1 block text-sm text-ink-muted">{t("open.idNumberHint")}</span>
            <input name="idNumber" required maxLength={18} autoComplete="off" className={input} data-testid="case-idNumber" />
          </label>
          <label className="block">
            <span className="mb-1 block font-medium">{t("open.giverName")}</span>
            <input name="giverName" required maxLength={40} autoComplete="off" className={input} data-testid="case-giverName" />
          </label>
          <fieldset>
            <legend className="mb-1 font-medium">{t("open.relation")}</legend>
            {CONSENT_RELATIONS.map((r) => (
              <label key={r} className="tap-target flex items-center gap-2">
                <input type="radio" name="relation" value={r} required className="h-5 w-5" data-testid={`case-relation-${r}`} />
                {t(`open.relations.${r}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend className="mb-1 font-medium">{t("open.method")}</legend>
            {CONSENT_METHODS.map((m) => (
              <label key={m} className="tap-target flex items-center gap-2">
                <input type="radio" name="method" value={m} defaultChecked required className="h-5 w-5" />
                {t(`open.methods.${m}`)}
              </label>
            ))}
          </fieldset>
          <label className="block">
            <span className="mb-1 block font-medium">{t("open.givenOn")}</span>
            <span className="mb-1 block text-sm text-ink-muted">{t("open.givenOnHint")}</span>
            <input name="givenOn" type="date" required defaultValue={ctx.today} className={input} data-testid="case-givenOn" />
          </label>
          <label className="tap-target flex items-center gap-2">
            <input type="checkbox" name="shareIllness" className="h-5 w-5" data-testid="case-shareIllness" />
            {t("open.shareIllness")}
          </label>
          <label className="block">
            <span className="mb-1 block font-medium">{t("open.illness")}</span>
            <span className="mb-1 block text-sm text-ink-muted">{t("open.illnessHint")}</span>
            <input name="illness" maxLength={100} autoComplete="off" className={input} data-testid="case-illness" />
          </label>
          <label className="tap-target flex items-center gap-2">
            <input type="checkbox" name="consentConfirmed" required className="h-5 w-5" data-testid="case-consentConfirmed" />
            {t("open.consentConfirmed")}
          </label>
          <button type="submit" className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="case-open">
            {t("open.submit")}
          </button>
        </form>
      </section>

      <section id="by-code" className="mt-6 rounded-xl bg-cell p-4" aria-labelledby="by-code-h">
        <h2 id="by-code-h" className="mb-2 text-lg font-semibold">
          {t("byCode.heading")}
        </h2>
        <p className="mb-3 text-sm">{t("byCode.intro")}</p>
        {codeError ? (
          <div role="alert" className="mb-3 rounded-xl border-2 border-danger bg-white px-4 py-3 text-danger" data-testid="code-error">
            {t(`errors.${codeError}`)}
          </div>
        ) : null}
        <form action={sendConsentCodeAction.bind(null, lng)} className="space-y-3" data-testid="open-case-by-code">
          <label className="block">
            <span className="mb-1 block font-medium">{t("open.idNumber")}</span>
            <span className="mb-1 block text-sm text-ink-muted">{t("open.idNumberHint")}</span>
            <input name="idNumber" required maxLength={18} autoComplete="off" className={input} data-testid="code-idNumber" />
          </label>
          <label className="block">
            <span className="mb-1 block font-medium">{t("open.giverName")}</span>
            <input name="giverName" required maxLength={40} autoComplete="off" className={input} data-testid="code-giverName" />
          </label>
          <fieldset>
            <legend className="mb-1 font-medium">{t("open.relation")}</legend>
            {CONSENT_RELATIONS.map((r) => (
              <label key={r} className="tap-target flex items-center gap-2">
                <input type="radio" name="relation" value={r} required className="h-5 w-5" data-testid={`code-relation-${r}`} />
                {t(`open.relations.${r}`)}
              </label>
            ))}
          </fieldset>
          <label className="tap-target flex items-center gap-2">
            <input type="checkbox" name="shareIllness" className="h-5 w-5" data-testid="code-shareIllness" />
            {t("open.shareIllness")}
          </label>
          <label className="block">
            <span className="mb-1 block font-medium">{t("open.illness")}</span>
            <span className="mb-1 block text-sm text-ink-muted">{t("open.illnessHint")}</span>
            <input name="illness" maxLength={100} autoComplete="off" className={input} data-testid="code-illness" />
          </label>
          <button type="submit" className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="code-send">
            {t("byCode.send")}
          </button>
        </form>
      </section>
    </PageFrame>
  );
}
