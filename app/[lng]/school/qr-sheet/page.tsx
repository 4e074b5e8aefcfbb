import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/apply/print-button";
import { QrCode } from "@/components/desk/qr-code";
import { PageFrame } from "@/components/shell/page-frame";
import { Notice } from "@/components/ui/cells";
import { reachOf } from "@/lib/auth/access";
import { requireStaff } from "@/lib/auth/guards";
import { SCHOOL_ROLES, TEACHER_ROLES } from "@/lib/auth/roles";
import { requestNow } from "@/lib/config/demo-clock";
import { serviceContext } from "@/lib/applications/context";
import { qrPath } from "@/lib/desk/qr";
import { frameTexts } from "@/lib/i18n/frame";
import { formatDate } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { parentLinkPath } from "@/lib/schools/parent-links";
import { schoolDashboard } from "@/lib/schools/pupils";
import { qrSheetFor } from "@/lib/schools/qr-sheet";
import "@/app/[lng]/school/qr-sheet/qr-sheet.css";

/** The class QR sheet (A4): one QR code per pupil to the parent's page; the teacher's own class, or the class the admin picks. */
export default async function QrSheetPage({ params, searchParams }: { params: Promise<{ lng: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const lng = await pageLocale(params);
  const user = await requireStaff(lng, `/${lng}/school/qr-sheet`, [...SCHOOL_ROLES, ...TEACHER_ROLES]);
  const query = await searchParams;
  const t = getT(lng, "school");
  const { db } = await serviceContext();
  const reach = reachOf(user.actor);
  const now = await requestNow();
  const result = await qrSheetFor(db, user.actor, { grade: query.grade?.slice(0, 20), className: query.class?.slice(0, 30), now });
  if ((!result.ok && result.code === "not-found") || (reach.scope !== "school" && reach.scope !== "class")) notFound();
  const back = reach.scope === "class" ? `/${lng}/school/class` : `/${lng}/school`;
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost"}`;
  if (!result.ok) {
    const classes = result.code === "no-class" ? (await schoolDashboard(db, reach.schoolId)).classes : [];
    return (
      <PageFrame lng={lng} texts={frameTexts(lng)} title={t("qr.title")} backHref={back}>
        {result.code === "no-season" ? (
          <Notice>{t("qr.noSeason")}</Notice>
        ) : (
          <ul className="divide-y divide-line rounded-xl bg-cell" data-testid="qr-classes" aria-label={t("qr.chooseClass")}>
            {classes.map((c) => (
              <li key={`${c.grade}|${c.className}`}>
                <a href={`/${lng}/school/qr-sheet?${new URLSearchParams({ grade: c.grade, class: c.className })}`} className="tap-target flex items-center px-4 font-medium text-brand" data-testid="qr-class">
                  {c.grade} {c.className}
                </a>
              </li>
            ))}
          </ul>
        )}
      </PageFrame>
    );
  }
  const { sheet } = result;
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("qr.title")} backHref={back} query={new URLSearchParams({ grade: sheet.grade, class: sheet.className }).toString()}>
      <div className="no-print mb-4 space-y-2">
        <p>{t("qr.intro")}</p>
        <PrintButton label={t("qr.print")} />
      </div>
      <article className="qr-sheet" data-testid="qr-sheet">
        <h2>
          {sheet.grade} {sheet.className} · {t("qr.title")}
        </h2>
        <p className="qr-sheet-intro">{t("qr.expires", { date: formatDate(new Date(sheet.expiresAt.getTime() - 1), lng) })}</p>
        {sheet.pupils.length === 0 ? (
          <p>{t("qr.empty")}</p>
        ) : (
          <ul>
            {sheet.pupils.map((p) => {
              const url = `${origin}${parentLinkPath(lng, p.token)}`;
              return (
                <li key={p.id} data-testid="qr-card">
                  <span className="qr-card-name" data-testid="qr-card-name">
                    {p.nameMasked}
                  </span>
                  <span className="qr-card-hint">
                    {sheet.grade} {sheet.className}
                  </span>
                  <a href={url} data-testid="qr-card-link">
                    <QrCode qr={qrPath(url)} label={t("qr.scan")} sizeClass="" testId="pupil-qr" />
                  </a>
                  <span className="qr-card-hint">{t("qr.scan")}</span>
                </li>
              );
            })}
          </ul>
        )}
      </article>
    </PageFrame>
  );
}
