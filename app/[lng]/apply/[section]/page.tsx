import { notFound } from "next/navigation";
import { redirectWithinSite } from "@/lib/http/redirect";
import { type FieldSpec, SectionForm } from "@/components/apply/section-form";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { Notice } from "@/components/ui/cells";
import { type FormSectionId, SECTION_IDS } from "@/lib/applications/draft-schema";
import { SECTION_FIELDS } from "@/lib/applications/section-fields";
import { listAreas } from "@/lib/applications/areas";
import { serviceContext } from "@/lib/applications/context";
import { getOrCreateDraft } from "@/lib/applications/service";
import { sectionPrefill } from "@/lib/applications/prefill";
import { requireCitizen } from "@/lib/auth/guards";
import { localName } from "@/lib/i18n/format";
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
  const fields: FieldSpec[] = SECTION_FIELDS[id].map((f) => {
    // A pre-filled field says so, and from which answers, beside its own hint.
    const source = prefilled.from[f.name];
    const hints = [f.hint ? t(`hints.${id}.${f.name}`) : "", source ? t(`prefilledFrom.${source}.${id}.${f.name}`) : ""].filter(Boolean);
    const base = { name: f.name, label: t(`fields.${id}.${f.name}`), hint: hints.length ? hints.join(" ") : undefined };
    switch (f.kind) {
      case "text":
        return { ...base, kind: "text", inputMode: f.inputMode, autoComplete: f.autoComplete, maxLength: f.maxLength };
      case "textarea":
        return { ...base, kind: "textarea", maxLength: f.maxLength };
      case "radio":
      case "checkboxes":
        return { ...base, kind: f.kind, options: f.options.map((o) => ({ value: o, label: t(`options.${f.optionGroup}.${o}`) })) };
      case "select":
        return { ...base, kind: "select", options: areas.map((a) => ({ value: a.code, label: localName(a, lng) })) };
      case "checkbox":
        return { ...base, kind: "checkbox" };
    }
  });
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
          initial={{ ...prefilled.values, ...savedValues(id, draft.data) }}
          labels={{ save: t("saveAndContinue"), errorSummary: t("errors.summary") }}
        />
      </div>
    </PageFrame>
  );
}

/** What the form shows from the saved draft. ID numbers and the bank account are shown again in full to their owner (masked everywhere else). */
function savedValues(id: FormSectionId, data: Awaited<ReturnType<typeof getOrCreateDraft>>["data"]): Record<string, string | string[]> {
  const saved = data[id] as Record<string, unknown> | undefined;
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(saved ?? {})) {
    if (Array.isArray(v)) out[k] = v.map(String);
    else if (typeof v === "boolean") out[k] = v ? "on" : "";
    else if (v !== null && v !== undefined) out[k] = String(v);
  }
  return out;
}
