import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { QrCode } from "@/components/desk/qr-code";
import { TrackingCodeIssuer } from "@/components/desk/tracking-code-issuer";
import { PageFrame } from "@/components/shell/page-frame";
import { serviceContext } from "@/lib/applications/context";
import { requireStaff } from "@/lib/auth/guards";
import { receiptFor } from "@/lib/desk/paper";
import { qrPath } from "@/lib/desk/qr";
import { DESK_PAPER_ROLES } from "@/lib/auth/roles";
import { frameTexts } from "@/lib/i18n/frame";
import { formatCalendarDate } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { issueTrackingCodeAction } from "@/app/[lng]/desk/actions";
import { PaperToolbar, paperOf } from "@/app/[lng]/desk/paper-toolbar";
import "@/app/[lng]/desk/paper.css";

/** 受理回执: reference, dates of what happens next, the desk, the tracking code and its QR code; A4 or 80 mm. */
export default async function ReceiptPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string; id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const lng = await pageLocale(params);
  const { id } = await params;
  const paper = paperOf((await searchParams).paper);
  const base = `/${lng}/desk/applications/${id}/receipt`;
  const user = await requireStaff(lng, base, DESK_PAPER_ROLES);
  const receipt = await receiptFor(await serviceContext(), user, id, lng);
  if (!receipt) notFound();
  const t = getT(lng, "desk");
  const date = (d: string) => formatCalendarDate(d, lng);
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  const trackUrl = `${proto}://${host}/${lng}/track?ref=${encodeURIComponent(receipt.reference)}`;
  const period = (p: { days: number; unit: string }) => t(p.unit === "working" ? "receipt.periodWorking" : "receipt.periodCalendar", { days: p.days });
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("receipt.title")} backHref={`/${lng}/staff/applications/${id}`} query={`paper=${paper}`}>
      <PaperToolbar base={base} paper={paper} texts={{ paperSize: t("paper.paperSize"), a4: t("paper.a4"), roll: t("paper.roll"), print: t("paper.print") }} />
      <article className={`desk-paper desk-paper--${paper}`} data-testid="receipt" data-paper={paper}>
        <h2>{t("receipt.title")}</h2>
        <p className="paper-subtitle">{t("receipt.subtitle")}</p>
        <dl>
          <dt>{t("receipt.reference")}</dt>
          <dd className="paper-big" data-testid="receipt-reference">{receipt.reference}</dd>
          <dt>{t("receipt.submittedOn")}</dt>
          <dd>{date(receipt.submittedOn)}</dd>
          <dt>{t("receipt.trackingCode")}</dt>
          <dd>
            <TrackingCodeIssuer
              action={issueTrackingCodeAction.bind(null, lng, id)}
              texts={{
                issue: t("paper.issueCode"),
                hint: t("paper.issueCodeHint"),
                pending: t("receipt.trackingCodePending"),
                issued: t("paper.codeIssued"),
                error: t("paper.issueError"),
              }}
            />
          </dd>
        </dl>
        <h3>{t("receipt.next")}</h3>
        <p className="paper-small">{t("receipt.nextIntro")}</p>
        <ol data-testid="receipt-steps">
          {receipt.steps.map((s) => (
            <li key={s.id} data-testid={`receipt-step-${s.id}`}>
              {s.doneOn
                ? t("receipt.stepDone", { step: t(`receipt.steps.${s.id}`), date: date(s.doneOn) })
                : t("receipt.stepLine", { step: t(`receipt.steps.${s.id}`), date: date(s.by!) })}
              <span className="paper-small">（{period(s.period)}）</span>
              {s.provisional ? <strong className="paper-small"> {t("receipt.provisional")}</strong> : null}
            </li>
          ))}
        </ol>
        <p className="paper-small">{t("receipt.missing")}</p>
        <h3>{t("receipt.desk")}</h3>
        {receipt.desk ? (
          <dl data-testid="receipt-desk">
            <dt>{t("receipt.desk")}</dt>
            <dd>{receipt.desk.name}</dd>
            <dt>{t("receipt.deskAddress")}</dt>
            <dd>{receipt.desk.address}</dd>
            <dt>{t("receipt.deskPhone")}</dt>
            <dd className="paper-big">{receipt.desk.phone}</dd>
          </dl>
        ) : (
          <p>{t("paper.noDesk")}</p>
        )}
        <div className="paper-qr">
          <a href={trackUrl} data-testid="receipt-qr-link">
            <QrCode qr={qrPath(trackUrl)} label={t("receipt.qr")} sizeClass="" testId="receipt-qr" />
          </a>
          <div>
            <p>
              <strong>{t("receipt.qr")}</strong>
            </p>
            <p className="paper-small">{t("receipt.qrHint")}</p>
          </div>
        </div>
        <p className="paper-small">{t("receipt.keep")}</p>
        <p className="paper-small">
          {t("receipt.printedOn")}：{date(receipt.printedOn)}
        </p>
      </article>
    </PageFrame>
  );
}
