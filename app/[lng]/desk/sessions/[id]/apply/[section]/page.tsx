import { notFound } from "next/navigation";
import { savedSectionValues, sectionFieldSpecs } from "@/components/apply/field-specs";
import { SectionForm } from "@/components/apply/section-form";
import { AssistedFrame } from "@/components/desk/assisted-frame";
import { PageFrame } from "@/components/shell/page-frame";
import { listAreas } from "@/lib/applications/areas";
import { serviceContext } from "@/lib/applications/context";
import { requiredDocuments } from "@/lib/applications/documents";
import { type FormSectionId, SECTION_IDS } from "@/lib/applications/draft-schema";
import { requireStaff } from "@/lib/auth/guards";
import { assistedDraft } from "@/lib/desk/assisted";
import { frameTexts } from "@/lib/i18n/frame";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { saveAssistedSectionAction, saveAssistedToFollowAction } from "@/app/[lng]/desk/assisted-actions";

/**
 * One section of the applicant's application, filled in by the desk worker: the citizen's own fields
 * and rules (components/apply/field-specs.ts, lib/applications/draft-schema.ts in the "assisted" frame),
 * plus a box per field the worker ticks when the applicant said or typed that answer themselves.
 */
export default async function AssistedSectionPage({ params }: { params: Promise<{ lng: string; id: string; section: string }> }) {
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
    const toFollow = new Set(draft.data.documentsToFollow ?? []);
    return (
      <PageFrame lng={lng} texts={frameTexts(lng)} title={t("sections.documents.title")} backHref={back}>
        {frame}
        <form action={saveAssistedToFollowAction.bind(null, lng, id)} className="rounded-xl bg-cell p-4" data-testid="to-follow-form">
          <fieldset>
            <legend className="mb-2 font-semibold">{td("assisted.toFollowHeading")}</legend>
            <p className="mb-3 text-sm text-ink-muted">{td("assisted.toFollowHint")}</p>
            {requiredDocuments(draft.data).map((doc) => (
              <label key={doc} className="tap-target flex items-center gap-3">
                <input type="checkbox" name="toFollow" value={doc} defaultChecked={toFollow.has(doc)} className="h-6 w-6" data-testid={`to-follow-${doc}`} />
                <span>{t(`documents.types.${doc}`)}</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="tap-target mt-4 w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="save-to-follow">
            {t("saveAndContinue")}
          </button>
        </form>
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
