import { PageFrame } from "@/components/shell/page-frame";
import { requireStaff } from "@/lib/auth/guards";
import { frameTexts } from "@/lib/i18n/frame";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { PrintButton } from "@/components/apply/print-button";
import "@/app/[lng]/desk/paper.css";

/** The blank 授权书 the applicant signs before the desk saves anything (A4, large print, the applicant's script). */
export default async function ConsentFormPage({ params }: { params: Promise<{ lng: string }> }) {
  const lng = await pageLocale(params);
  await requireStaff(lng, `/${lng}/desk/consent-form`, ["desk"]);
  const t = getT(lng, "desk");
  const items = t("consentForm.items", { returnObjects: true }) as string[];
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("consentForm.title")} backHref={`/${lng}/desk`}>
      <div className="no-print mb-4">
        <PrintButton label={t("paper.print")} />
      </div>
      <article className="desk-paper desk-paper--a4" data-testid="consent-form">
        <h2>{t("consentForm.title")}</h2>
        <p className="paper-subtitle">{t("consentForm.subtitle")}</p>
        <p>{t("consentForm.intro")}</p>
        <ol>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
        <p>{t("consentForm.withdraw")}</p>
        <h3>{t("consentForm.signHeading")}</h3>
        <dl>
          <dt>{t("consentForm.name")}</dt>
          <dd>＿＿＿＿＿＿＿＿＿＿</dd>
          <dt>{t("consentForm.idNumber")}</dt>
          <dd>＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿</dd>
          <dt>{t("consentForm.signature")}</dt>
          <dd>＿＿＿＿＿＿＿＿＿＿</dd>
          <dt>{t("consentForm.date")}</dt>
          <dd>＿＿＿＿年＿＿月＿＿日</dd>
          <dt>{t("consentForm.worker")}</dt>
          <dd>＿＿＿＿＿＿＿＿＿＿</dd>
        </dl>
      </article>
    </PageFrame>
  );
}
