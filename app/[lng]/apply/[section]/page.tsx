import { notFound } from "next/navigation";
import { redirectWithinSite } from "@/lib/http/redirect";
import { SectionForm } from "@/components/apply/section-form";
import { savedSectionValues, sectionFieldSpecs } from "@/components/apply/field-specs";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { Notice } from "@/components/ui/cells";
import { type FormSectionId, SECTION_IDS } from "@/lib/applications/draft-schema";
import { listAreas } from "@/lib/applications/areas";
import { serviceContext } from "@/lib/applications/context";
import { getOrCreateDraft } from "@/lib/applications/service";
import { sectionPrefill } from "@/lib/applications/prefill";
import { requireCitizen } from "@/lib/auth/guards";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { DocumentsSection } from "@/app/[lng]/apply/[section]/documents-section";
import { saveSectionAction } from "@/app/[lng]/apply/actions";

export default async function SectionPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string; section: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const lng = await pageLocale(params);
  const { section } = await params;
  if (!(SECTION_IDS as readonly string[]).includes(section)) notFound();
  const user = await requireCitizen(lng, `/${lng}/apply/${section}`);
  const t = getT(lng, "apply");
  const ctx = await serviceContext();
  const draft = await getOrCreateDraft(ctx, user.id);
  if (section === "documents") {
    return (
      <PageFrame lng={lng} texts={frameTexts(lng)} title={t("sections.documents.title")} backHref={`/${lng}/apply`}>
        <DocumentsSection lng={lng} draft={draft} query={await searchParams} />
      </PageFrame>
    );
  }
  const id = section as FormSectionId;
  const areas = id === "applicant" ? await listAreas(ctx.db) : [];
  const screenerAreas = draft.data.screener ? areas.filter((a) => a.policyPackId === draft.data.screener!.policy).map((a) => a.code) : [];
  const prefilled = sectionPrefill(id, draft.data, screenerAreas);
  const fields = sectionFieldSpecs(id, (k, p) => t(k, p), lng, areas, prefilled.from as Record<string, string>);
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t(`sections.${id}.title`)} backHref={`/${lng}/apply`}>
      {t(`sections.${id}.intro`) ? <p className="mb-4">{t(`sections.${id}.intro`)}</p> : null}
      {Object.keys(prefilled.from).length ? (
        <div className="mb-4" data-testid="prefilled-notice">
          <Notice>{t("prefilledCheck")}</Notice>
        </div>
      ) : null}
      <div className="rounded-xl bg-cell p-4">
        <SectionForm
          action={saveSectionAction.bind(null, lng, id)}
          fields={fields}
          initial={{ ...prefilled.values, ...savedSectionValues(id, draft.data) }}
          labels={{ save: t("saveAndContinue"), errorSummary: t("errors.summary") }}
        />
      </div>
    </PageFrame>
  );
}
