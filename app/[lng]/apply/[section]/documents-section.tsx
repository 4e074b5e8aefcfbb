import { PhotoInput } from "@/components/apply/photo-input";
import { Link } from "@/components/ui/link";
import { Num } from "@/components/ui/num";
import { Notice } from "@/components/ui/cells";
import { isDocumentType, MAX_UPLOAD_BYTES, requiredDocuments } from "@/lib/applications/documents";
import type { DraftView } from "@/lib/applications/service";
import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/settings";
import { deleteDocumentAction, saveDocumentsToFollowAction } from "@/app/[lng]/apply/actions";

/**
 * Where the section's forms and pages go: the citizen's own draft by default; a desk worker's assisted
 * session passes its own (app/[lng]/desk/sessions/[id]/apply/[section]: the same section, the session's routes).
 */
export type DocumentRoutes = {
  sectionPath: string;
  uploadUrl: string;
  pageSrc: (documentId: string) => string;
  deleteAction: (documentId: string) => (form: FormData) => Promise<void>;
  toFollowAction: (form: FormData) => Promise<void>;
  saveTestId: string;
};

export function citizenDocumentRoutes(lng: Locale): DocumentRoutes {
  return {
    sectionPath: `/${lng}/apply/documents`,
    uploadUrl: `/api/v1/applications/documents?lng=${lng}`,
    pageSrc: (id) => `/api/v1/documents/${id}`,
    deleteAction: (id) => deleteDocumentAction.bind(null, lng, id),
    toFollowAction: saveDocumentsToFollowAction.bind(null, lng),
    saveTestId: "save-documents",
  };
}

export function DocumentsSection({
  lng,
  draft,
  query,
  routes = citizenDocumentRoutes(lng),
}: {
  lng: Locale;
  draft: Pick<DraftView, "data" | "documents">;
  query: Record<string, string | undefined>;
  routes?: DocumentRoutes;
}) {
  const t = getT(lng, "apply");
  const required = requiredDocuments(draft.data);
  const uploaded = new Set(draft.documents.map((d) => d.docType));
  const missing = required.filter((d) => !uploaded.has(d));
  const toFollow = new Set(draft.data.documentsToFollow ?? []);
  // The page asked to be deleted, waiting for the applicant's confirmation (a page state, so it works without JavaScript).
  const removing = query.remove ? draft.documents.find((d) => d.id === query.remove) : undefined;
  const pageNumber = (doc: { id: string; docType: string }) => draft.documents.filter((d) => d.docType === doc.docType).findIndex((d) => d.id === doc.id) + 1;
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
      {query.deleted && isDocumentType(query.deleted) ? (
        <div className="mb-4" role="status" data-testid="delete-ok">
          <Notice>{t("documents.deletedOne", { doc: t(`documents.types.${query.deleted}`) })}</Notice>
        </div>
      ) : null}
      {removing ? (
        <section id="remove-confirm" role="alert" aria-labelledby="remove-confirm-h" className="mb-4 scroll-mt-[calc(var(--topbar-height)+var(--safe-top)+1rem)] rounded-xl border-2 border-danger bg-cell p-4" data-testid="remove-confirm">
          <h2 id="remove-confirm-h" className="mb-2 text-lg font-semibold">
            {t("documents.deleteConfirm", { doc: t(`documents.types.${removing.docType}`), page: pageNumber(removing) })}
          </h2>
          <PagePreview src={routes.pageSrc(removing.id)} mimeType={removing.mimeType} alt={t("documents.pageAlt", { doc: t(`documents.types.${removing.docType}`), page: pageNumber(removing) })} pdf={t("documents.pdf")} large />
          <p className="my-3">{t("documents.deleteWarning")}</p>
          <form action={routes.deleteAction(removing.id)}>
            <button type="submit" className="tap-target w-full rounded-lg bg-danger text-lg font-semibold text-white" data-testid="confirm-delete">
              {t("documents.deleteYes")}
            </button>
          </form>
          <Link href={`${routes.sectionPath}#doc-${removing.docType}`} className="tap-target mt-2 flex w-full items-center justify-center rounded-lg border border-line text-lg" data-testid="cancel-delete">
            {t("documents.deleteNo")}
          </Link>
        </section>
      ) : null}
      <ul className="mb-5 space-y-3" data-testid="document-list">
        {required.map((doc) => {
          const count = draft.documents.filter((d) => d.docType === doc).length;
          return (
            <li key={doc} id={`doc-${doc}`} className="scroll-mt-[calc(var(--topbar-height)+var(--safe-top)+1rem)] rounded-xl bg-cell p-4" data-testid={`doc-${doc}`}>
              <div className="mb-1 flex items-center justify-between gap-2">
                <h2 className="font-semibold">{t(`documents.types.${doc}`)}</h2>
                <span className={`shrink-0 rounded-full px-3 py-1 text-sm ${count ? "bg-brand-soft" : "bg-page text-ink-muted"}`}>
                  {count ? t("documents.uploadedCount", { count }) : t("documents.none")}
                </span>
              </div>
              <p id={`hint-${doc}`} className="mb-2 text-sm text-ink-muted">
                {t(`documents.hints.${doc}`)}
              </p>
              {count ? (
                <ul className="mb-3 grid grid-cols-2 gap-3" aria-label={t("documents.pagesOf", { doc: t(`documents.types.${doc}`) })} data-testid={`pages-${doc}`}>
                  {draft.documents
                    .filter((d) => d.docType === doc)
                    .map((d, i) => {
                      const alt = t("documents.pageAlt", { doc: t(`documents.types.${doc}`), page: i + 1 });
                      return (
                        <li key={d.id} className="flex flex-col gap-1" data-testid="page">
                          <a href={routes.pageSrc(d.id)} target="_blank" rel="noreferrer" className="block rounded-lg border border-line" aria-label={t("documents.openPage", { page: alt })}>
                            <PagePreview src={routes.pageSrc(d.id)} mimeType={d.mimeType} alt={alt} pdf={t("documents.pdf")} />
                          </a>
                          <Link
                            href={`${routes.sectionPath}?remove=${d.id}#remove-confirm`}
                            className="tap-target flex items-center justify-center rounded-lg border border-danger text-danger"
                            data-testid="delete-page"
                          >
                            {t("documents.delete")}
                            <span className="sr-only">{alt}</span>
                          </Link>
                        </li>
                      );
                    })}
                </ul>
              ) : null}
              <UploadForm lng={lng} doc={doc} label={t("documents.choose", { doc: t(`documents.types.${doc}`) })} button={t("documents.upload")} action={routes.uploadUrl} />
            </li>
          );
        })}
      </ul>
      <form action={routes.toFollowAction} className="rounded-xl bg-cell p-4" data-testid="to-follow-form">
        <fieldset className="space-y-2">
          <legend className="mb-1 font-semibold">{t("documents.toFollowHeading")}</legend>
          <p className="text-sm text-ink-muted">{t("documents.toFollowHint")}</p>
          {missing.length === 0 ? <p>{t("documents.allUploaded")}</p> : null}
          {missing.map((doc) => (
            <label key={doc} className="tap-target flex items-center gap-3">
              <input type="checkbox" name="toFollow" value={doc} defaultChecked={toFollow.has(doc)} className="h-6 w-6" data-testid={`to-follow-${doc}`} />
              <span>{t(`documents.types.${doc}`)}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="tap-target mt-3 w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid={routes.saveTestId}>
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
  action,
}: {
  lng: Locale;
  doc: string;
  label: string;
  button: string;
  applicationId?: string;
  /** Where the form posts (default: the citizen's upload route). */
  action?: string;
}) {
  return (
    <form
      method="post"
      action={action ?? `/api/v1/applications/documents?lng=${lng}${applicationId ? `&applicationId=${applicationId}` : ""}`}
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

/** A page's thumbnail, served decrypted only to whoever may see it (`src`: the routes' page URL); a PDF shows as a labelled box. */
function PagePreview({ src, mimeType, alt, pdf, large = false }: { src: string; mimeType: string; alt: string; pdf: string; large?: boolean }) {
  const size = large ? "h-48 w-full" : "h-28 w-full";
  if (mimeType === "application/pdf") {
    return (
      <span role="img" aria-label={alt} className={`flex ${size} items-center justify-center rounded-lg bg-page font-semibold`} data-testid="page-preview">
        <Num>{pdf}</Num>
      </span>
    );
  }
  // A plain <img>: a private, per-user image that next/image's optimiser must not cache.
  return <img src={src} alt={alt} loading="lazy" className={`${size} rounded-lg bg-page object-contain`} data-testid="page-preview" />;
}
