import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { HandedOver } from "@/components/desk/handed-over";
import { QrCode } from "@/components/desk/qr-code";
import { PrintButton } from "@/components/apply/print-button";
import { PageFrame } from "@/components/shell/page-frame";
import { Link } from "@/components/ui/link";
import { serviceContext } from "@/lib/applications/context";
import { requireStaff } from "@/lib/auth/guards";
import { handedOverTexts, handoverPath, handoverStateFor } from "@/lib/desk/handover";
import { qrPath } from "@/lib/desk/qr";
import { frameTexts } from "@/lib/i18n/frame";
import { formatDateTime } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { issueHandoverAction } from "@/app/[lng]/desk/handover-actions";
import "@/app/[lng]/desk/paper.css";

/**
 * The hand-over QR code for a session's draft (lib/desk/handover.ts), on screen to scan across the desk
 * and printable (A4) for an applicant who scans it at home. Once the applicant took the draft, this page
 * says so and shows nothing else.
 */
export default async function HandoverPage({ params }: { params: Promise<{ lng: string; id: string }> }) {
  const lng = await pageLocale(params);
  const { id } = await params;
  const user = await requireStaff(lng, `/${lng}/desk/sessions/${id}/handover`, ["desk"]);
  const state = await handoverStateFor(await serviceContext(), user, id);
  if (!state) notFound();
  const t = getT(lng, "handover");
  const sessionHref = `/${lng}/desk/sessions/${id}`;
  if (state.status !== "open") {
    if (state.status !== "handed-over") notFound();
    return (
      <PageFrame lng={lng} texts={frameTexts(lng)} title={t("desk.title")} backHref={`/${lng}/desk`}>
        <HandedOver texts={handedOverTexts(lng, state.endedAt)} />
      </PageFrame>
    );
  }
  if (!state.hasDraft) notFound();
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  const url = state.current ? `${proto}://${host}${handoverPath(lng, state.current.token)}` : null;
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("desk.title")} backHref={sessionHref}>
      {state.current && url ? (
        <>
          <div className="no-print mb-4 space-y-3">
            <PrintButton label={t("desk.print")} />
            <Link href={`/${lng}/desk/sessions/${id}/handover`} className="tap-target flex items-center justify-center rounded-lg border border-brand bg-white text-brand" data-testid="handover-refresh">
              {t("desk.refresh")}
            </Link>
          </div>
          <article className="desk-paper desk-paper--a4" data-testid="handover-paper">
            <h2>{t("desk.paperTitle")}</h2>
            <p className="paper-subtitle">{t("desk.scan")}</p>
            <div className="flex justify-center">
              <QrCode qr={qrPath(url)} label={t("desk.qrLabel")} sizeClass="h-64 w-64" testId="handover-qr" />
            </div>
            <ol className="mt-3">
              <li>{t("desk.step1")}</li>
              <li>{t("desk.step2")}</li>
              <li>{t("desk.step3")}</li>
            </ol>
            <p className="mt-3 font-semibold" data-testid="handover-expires">
              {t("desk.expiresAt", { at: formatDateTime(state.current.expiresAt, lng) })}
            </p>
            <p className="paper-small">{t("desk.paperNote")}</p>
          </article>
          <form action={issueHandoverAction.bind(null, lng, id)} className="no-print mt-4 rounded-xl bg-cell p-4">
            <p className="mb-2 text-sm">{t("desk.renewHint")}</p>
            <button type="submit" className="tap-target w-full rounded-lg border border-line bg-white text-lg" data-testid="handover-renew">
              {t("desk.renew")}
            </button>
          </form>
        </>
      ) : (
        <form action={issueHandoverAction.bind(null, lng, id)} className="rounded-xl bg-cell p-4">
          <p className="mb-3">{t("desk.hint")}</p>
          <button type="submit" className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="handover-show">
            {t("desk.show")}
          </button>
        </form>
      )}
      <p className="no-print mt-4">
        <Link href={sessionHref} className="target-link text-brand underline">
          {t("desk.backToSession")}
        </Link>
      </p>
    </PageFrame>
  );
}
