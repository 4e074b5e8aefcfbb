import { notFound } from "next/navigation";
import { PageFrame } from "@/components/shell/page-frame";
import { serviceContext } from "@/lib/applications/context";
import { requireStaff } from "@/lib/auth/guards";
import { helpDeskOf, owedNoticeFor } from "@/lib/desk/paper";
import { DESK_PAPER_ROLES } from "@/lib/auth/roles";
import { frameTexts } from "@/lib/i18n/frame";
import { formatCalendarDate } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { PaperToolbar, paperOf } from "@/app/[lng]/desk/paper-toolbar";
import "@/app/[lng]/desk/paper.css";

/** 一次性告知书: every missing document in one list (what it is, where to get it, when it is due); A4 or 80 mm. */
export default async function NoticePage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string; id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const lng = await pageLocale(params);
  const { id } = await params;
  const paper = paperOf((await searchParams).paper);
  const base = `/${lng}/desk/applications/${id}/notice`;
  const user = await requireStaff(lng, base, DESK_PAPER_ROLES);
  const ctx = await serviceContext();
  const notice = await owedNoticeFor(ctx, user, id);
  if (!notice) notFound();
  const desk = await helpDeskOf(ctx, user, lng);
  const t = getT(lng, "desk");
  const date = (d: string) => formatCalendarDate(d, lng);
  const due = notice.dueOn ? date(notice.dueOn) : "";
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("notice.title")} backHref={`/${lng}/staff/applications/${id}`} query={`paper=${paper}`}>
      <PaperToolbar base={base} paper={paper} texts={{ paperSize: t("paper.paperSize"), a4: t("paper.a4"), roll: t("paper.roll"), print: t("paper.print") }} />
      <article className={`desk-paper desk-paper--${paper}`} data-testid="notice" data-paper={paper}>
        <h2>{t("notice.title")}</h2>
        <p className="paper-subtitle">{t("notice.subtitle")}</p>
        <dl>
          <dt>{t("notice.reference")}</dt>
          <dd className="paper-big" data-testid="notice-reference">{notice.reference}</dd>
          <dt>{t("notice.printedOn")}</dt>
          <dd>{date(notice.printedOn)}</dd>
        </dl>
        {notice.documents.length === 0 ? (
          <p data-testid="notice-nothing">{t("notice.nothing")}</p>
        ) : (
          <>
            <p className="mt-3">{notice.dueOn ? t("notice.intro", { date: due }) : t("notice.introNoDate")}</p>
            {notice.basis !== "none" ? <p className="paper-small">{t(`notice.basis.${notice.basis}`)}</p> : null}
            <table className="mt-2" data-testid="notice-documents">
              <thead>
                <tr>
                  <th scope="col">{t("notice.document")}</th>
                  <th scope="col">{t("notice.what")}</th>
                  <th scope="col">{t("notice.where")}</th>
                  <th scope="col">{t("notice.due")}</th>
                </tr>
              </thead>
              <tbody>
                {notice.documents.map((d, i) => (
                  <tr key={d} data-testid={`notice-doc-${d}`}>
                    <td>
                      <strong>
                        {i + 1}. {t(`documents.${d}.name`)}
                      </strong>
                    </td>
                    <td data-label={t("notice.what")}>{t(`documents.${d}.what`)}</td>
                    <td data-label={t("notice.where")}>{t(`documents.${d}.where`)}</td>
                    <td data-label={t("notice.due")}>{due}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {notice.assumed ? <p className="paper-small">{t("notice.assumed")}</p> : null}
            {notice.provisional ? <p className="paper-small">{t("notice.provisional")}</p> : null}
            <p className="paper-small">{t("notice.proxy")}</p>
          </>
        )}
        {desk ? (
          <p className="mt-3" data-testid="notice-desk">
            {t("notice.desk")}
            {desk.name}，{desk.address}，<strong>{desk.phone}</strong>
          </p>
        ) : null}
      </article>
    </PageFrame>
  );
}
