import { PhotoInput } from "@/components/apply/photo-input";
import { Notice } from "@/components/ui/cells";
import { isDocumentType, MAX_UPLOAD_BYTES, requiredDocuments } from "@/lib/applications/documents";
import type { DraftView } from "@/lib/applications/service";
import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/settings";
import { saveDocumentsToFollowAction } from "@/app/[lng]/apply/actions";

export function DocumentsSection({ lng, draft, query }: { lng: Locale; draft: DraftView; query: Record<string, string | undefined> }) {
  const t = getT(lng, "apply");
  const required = requiredDocuments(draft.data);
  const uploaded = new Set(draft.documents.map((d) => d.docType));
  const missing = required.filter((d) => !uploaded.has(d));
  const toFollow = new Set(draft.data.documentsToFollow ?? []);
  const error = query.error && ["no-file", "too-large", "bad-type", "damaged", "bad-doc-type", "not-found", "closed"].includes(query.error) ? query.error : null;
  return (
    <>
      <p className="mb-3">{t("documents.intro")}</p>
      <p className="mb-4 text-sm text-ink-muted">{t("documents.limits", { mb: MAX_UPLOAD_BYTES / 1024 / 1024 })}</p>
      {error ? (
        <div className="mb-4" role="alert" data-testid="upload-error">
          <Notice tone="danger">{t(`documents.errors.${error}`)}</Notice>
        </div>
      ) : null}
      {query.uploaded && isDocumentType(query.uploaded) ? (
        <div className="mb-4" role="status" data-testid="upload-ok">
          <Notice>{t("documents.uploadedOne", { doc: t(`documents.types.${query.uploaded}`) })}</Notice>
        </div>
      ) : null}
      <ul className="mb-5 space-y-3" data-testid="document-list">
        {required.map((doc) => {
          const count = draft.documents.filter((d) => d.docType === doc).length;
          return (
            <li key={doc} className="rounded-xl bg-cell p-4" data-testid={`doc-${doc}`}>
              <div className="mb-1 flex items-center justify-between gap-2">
                <h2 className="font-semibold">{t(`documents.types.${doc}`)}</h2>
                <span className={`shrink-0 rounded-full px-3 py-1 text-sm ${count ? "bg-brand-soft" : "bg-page text-ink-muted"}`}>
                  {count ? t("documents.uploadedCount", { count }) : t("documents.none")}
                </span>
              </div>
              <p id={`hint-${doc}`} className="mb-2 text-sm text-ink-muted">
                {t(`documents.hints.${doc}`)}
              </p>
              <UploadForm lng={lng} doc={doc} label={t("documents.choose", { doc: t(`documents.types.${doc}`) })} button={t("documents.upload")} />
            </li>
          );
        })}
      </ul>
      <form action={saveDocumentsToFollowAction.bind(null, lng)} className="rounded-xl bg-cell p-4" data-testid="to-follow-form">
        <fieldset className="space-y-2">
          <legend className="mb-1 font-semibold">{t("documents.toFollowHeading")}</legend>
          <p className="text-sm text-ink-muted">{t("documents.toFollowHint")}</p>
          {missing.length === 0 ? <p>{t("documents.allUploaded")}</p> : null}
          {missing.map((doc) => (
            <label key={doc} className="tap-target flex items-center gap-3">
              <input type="checkbox" name="toFollow" value={doc} defaultChecked={toFollow.has(doc)} className="h-6 w-6" />
              <span>{t(`documents.types.${doc}`)}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="tap-target mt-3 w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="save-documents">
          {t("saveAndContinue")}
        </button>
      </form>
    </>
  );
}

export function UploadForm({
  lng,
  doc,
  label,
  button,
  applicationId,
}: {
  lng: Locale;
  doc: string;
  label: string;
  button: string;
  applicationId?: string;
}) {
  return (
    <form
      method="post"
      action={`/api/v1/applications/documents?lng=${lng}${applicationId ? `&applicationId=${applicationId}` : ""}`}
      encType="multipart/form-data"
      className="space-y-2"
      data-testid={`upload-${doc}`}
    >
      <input type="hidden" name="docType" value={doc} />
      <PhotoInput id={`file-${doc}`} name="file" label={label} describedBy={`hint-${doc}`} />
      <button type="submit" className="tap-target w-full rounded-lg border border-brand text-base font-semibold text-brand">
        {button}
      </button>
    </form>
  );
}
