import { notFound } from "next/navigation";
import { PageFrame } from "@/components/shell/page-frame";
import { Notice } from "@/components/ui/cells";
import { Link } from "@/components/ui/link";
import { NumText, numSlot } from "@/components/ui/num-text";
import { confirmConsentCodeAction, resendConsentCodeAction } from "@/app/[lng]/school/cases/actions";
import { requireStaff } from "@/lib/auth/guards";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { frameTexts } from "@/lib/i18n/frame";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { schoolContextFor } from "@/lib/schools/school-context";
import { consentRequestView } from "@/lib/schools/zhuanban/consent-code";

const ERRORS = ["code-invalid", "code-expired", "code-attempts-exceeded", "code-format", "rate-limited", "sms-unavailable", "request-expired", "not-found", "invalid", "required"];

/** The school admin types in the code the parent read from their SMS: the 专班 case opens with that consent. */
export default async function ConsentCodePage({ params, searchParams }: { params: Promise<{ lng: string; requestId: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const lng = await pageLocale(params);
  const { requestId } = await params;
  const user = await requireStaff(lng, `/${lng}/school/cases/consent/${requestId}`, SCHOOL_ROLES);
  const ctx = await schoolContextFor(user.actor);
  if (!ctx) notFound();
  const query = await searchParams;
  const t = getT(lng, "zhuanban");
  const view = await consentRequestView(ctx.db, user.actor, requestId.slice(0, 40), ctx.now);
  const error = query.error && ERRORS.includes(query.error) ? query.error : null;
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("byCode.codeTitle")} backHref={`/${lng}/school/cases`}>
      {!view ? (
        <div role="alert" className="rounded-xl border-2 border-danger bg-cell px-4 py-3" data-testid="code-gone">
          {t("byCode.gone")}
        </div>
      ) : (
        <>
          {query.resent ? <Notice>{t("byCode.resent")}</Notice> : null}
          {error ? (
            <div role="alert" className="mb-3 rounded-xl border-2 border-danger bg-cell px-4 py-3 text-danger" data-testid="code-error">
              {t(`errors.${error}`)}
            </div>
          ) : null}
          <section className="mb-4 rounded-xl bg-cell p-4">
            <p data-testid="code-sent-to">
              <NumText text={t("byCode.sentTo", { phone: numSlot("phone") })} values={{ phone: view.phoneMasked }} />
            </p>
            <p className="mt-2 text-sm">{t("byCode.askParent")}</p>
            <form action={confirmConsentCodeAction.bind(null, lng, { requestId })} className="mt-3 space-y-3">
              <label className="block">
                <span className="mb-1 block font-medium">{t("byCode.code")}</span>
                <input
                  name="code"
                  required
                  inputMode="numeric"
                  pattern="[0-9]{6}"
                  maxLength={6}
                  autoComplete="off"
                  className="tap-target w-full rounded-lg border border-line bg-white px-3 text-xl tracking-widest"
                  data-testid="consent-code"
                />
              </label>
              <button type="submit" className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="consent-confirm">
                {t("byCode.confirm")}
              </button>
            </form>
            <form action={resendConsentCodeAction.bind(null, lng, { requestId })} className="mt-3">
              <button type="submit" className="tap-target w-full rounded-lg border border-brand font-semibold text-brand" data-testid="consent-resend">
                {t("byCode.resend")}
              </button>
            </form>
          </section>
        </>
      )}
      <Link href={`/${lng}/school/cases`} className="target-link mt-2 font-semibold text-brand">
        {t("byCode.back")}
      </Link>
    </PageFrame>
  );
}
