import { notFound } from "next/navigation";
import { savedSectionValues, sectionFieldSpecs } from "@/components/apply/field-specs";
import { SectionForm } from "@/components/apply/section-form";
import { AssistedFrame } from "@/components/desk/assisted-frame";
import { PageFrame } from "@/components/shell/page-frame";
import { listAreas } from "@/lib/applications/areas";
import { serviceContext } from "@/lib/applications/context";
import { type FormSectionId, SECTION_IDS } from "@/lib/applications/draft-schema";
import { requireStaff } from "@/lib/auth/guards";
import { assistedDraft } from "@/lib/desk/assisted";
import { frameTexts } from "@/lib/i18n/frame";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { deleteAssistedDocumentAction, saveAssistedSectionAction, saveAssistedToFollowAction } from "@/app/[lng]/desk/assisted-actions";
import { DocumentsSection, type DocumentRoutes } from "@/app/[lng]/apply/[section]/documents-section";
import { assistedDocuments } from "@/lib/desk/assisted-documents";

/**
 * One section of the applicant's application, filled in by the desk worker: the citizen's own fields
 * and rules (components/apply/field-specs.ts, lib/applications/draft-schema.ts in the "assisted" frame),
 * plus a box per field the worker ticks when the applicant said or typed that answer themselves.
 */
export default async function AssistedSectionPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string; id: string; section: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const lng = await pageLocale(params);
  const { id, section } = await params;
  if (!(SECTION_IDS as readonly string[]).includes(section)) notFound();
  const user = await requireStaff(lng, `/${lng}/desk/sessions/${id}/apply/${section}`, ["desk"]);
  const ctx = await serviceContext();
  const draft = await assistedDraft(ctx, user, id);
  if (!draft) notFound();
  const t = getT(lng, "apply");
  const td = getT(lng, "desk");
  const back = `/${lng}/desk/sessions/${id}/apply`;
  const frame = <AssistedFrame person={draft.person} texts={{ whose: td("session.whose"), noPhone: td("home.noPhone") }} />;
  if (section === "documents") {
    // The citizen's documents section (pages per document, thumbnails, delete, "to follow"), on the session's routes.
    const documents = await assistedDocuments(ctx, user, id);
    if (!documents) notFound();
    const routes: DocumentRoutes = {
      sectionPath: `/${lng}/desk/sessions/${id}/apply/documents`,
      uploadUrl: `/api/v1/desk/sessions/${id}/documents?lng=${lng}`,
      pageSrc: (docId) => `/api/v1/desk/sessions/${id}/documents/${docId}`,
      deleteAction: (docId) => deleteAssistedDocumentAction.bind(null, lng, id, docId),
      toFollowAction: saveAssistedToFollowAction.bind(null, lng, id),
      saveTestId: "save-to-follow",
    };
    return (
      <PageFrame lng={lng} texts={frameTexts(lng)} title={t("sections.documents.title")} backHref={back}>
        {frame}
        <p className="mb-3 text-sm" data-testid="assisted-documents-note">
          {td("assisted.documentsHint")}
        </p>
        <DocumentsSection lng={lng} draft={{ data: draft.data, documents }} query={await searchParams} routes={routes} />
      </PageFrame>
    );
  }
  const sid = section as FormSectionId;
  const areas = sid === "applicant" ? (await listAreas(ctx.db)).filter((a) => a.code === draft.personValues.areaCode) : [];
  const fields = sectionFieldSpecs(sid, (k, p) => t(k, p), lng, areas);
  // The applicant section starts from the session's person (read back to them; the worker corrects it with them).
  const fromPerson: Record<string, string> =
    sid === "applicant" && !draft.data.applicant
      ? Object.fromEntries(
          Object.entries({ name: draft.personValues.name, idNumber: draft.personValues.idNumber, phone: draft.personValues.phone, areaCode: draft.personValues.areaCode }).filter(
            (e): e is [string, string] => !!e[1],
          ),
        )
      : {};
  const marked = Object.entries(draft.data.enteredBy ?? {})
    .filter(([k, by]) => k.startsWith(`${sid}.`) && by === "applicant")
    .map(([k]) => k.slice(sid.length + 1));
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t(`sections.${sid}.title`)} backHref={back}>
      {frame}
      {sid === "applicant" ? <p className="mb-3 text-sm" data-testid="assisted-phone-note">{td("assisted.phoneOptional")}</p> : null}
      <div className="rounded-xl bg-cell p-4">
        <SectionForm
          action={saveAssistedSectionAction.bind(null, lng, id, sid)}
          fields={fields}
          initial={{ ...fromPerson, ...savedSectionValues(sid, draft.data) }}
          labels={{ save: t("saveAndContinue"), errorSummary: t("errors.summary") }}
          marks={{ legend: td("assisted.marksLegend"), hint: td("assisted.marksHint"), initial: marked, fieldSuffix: td("assisted.markSuffix") }}
        />
      </div>
    </PageFrame>
  );
}
