"use server";

import { z } from "zod";
import type { FormState } from "@/components/apply/section-form";
import { FieldRefusal, staffAction } from "@/lib/actions/safe-action";
import { serviceContext } from "@/lib/applications/context";
import { DOCUMENT_TYPES, type DocumentType } from "@/lib/applications/documents";
import { type FormSectionId, SECTION_IDS, sectionSchema } from "@/lib/applications/draft-schema";
import { formToInput } from "@/lib/applications/section-fields";
import { saveAssistedSection, submitAssisted } from "@/lib/desk/assisted";
import { assistedToFollow, deleteAssistedDocument } from "@/lib/desk/assisted-documents";
import { redirectWithinSite } from "@/lib/http/redirect";

const DESK = ["desk"] as const;
const FORM_SECTIONS = SECTION_IDS.filter((s): s is FormSectionId => s !== "documents") as [FormSectionId, ...FormSectionId[]];
const sessionId = z.string().min(1).max(40);
const applyErrors = { ns: "apply", prefix: "errors" } as const;
/** Which fields the applicant gave themselves (field names; the lib keeps only the section's own). */
const byApplicant = z.array(z.string().max(40)).max(20).default([]);

const saveSection = staffAction(DESK, {
  args: z.object({ sessionId, section: z.enum(FORM_SECTIONS) }),
  returnTo: (lng, a) => `/${lng}/desk/sessions/${a.sessionId}/apply/${a.section}`,
  fromForm: (form, { section }) => ({ ...formToInput(section, form), byApplicant: form.getAll("byApplicant").filter((v): v is string => typeof v === "string") }),
  // The citizen's own section schema in the assisted frame (only the applicant's phone may be empty).
  input: ({ section }) => z.object({ byApplicant }).and(sectionSchema(section, "assisted")),
  errors: applyErrors,
  run: async ({ user }, input, a) => {
    const { byApplicant: marks, ...data } = input as { byApplicant: string[] } & Record<string, unknown>;
    const saved = await saveAssistedSection(await serviceContext(), user, a.sessionId, a.section, data as never, marks);
    if (!saved) throw new FieldRefusal({ [Object.keys(data)[0] ?? "name"]: "session-ended" });
    if (!saved.ok) throw new FieldRefusal(saved.errors);
  },
});

/** Save a section of the applicant's application at the desk, with who gave each answer. */
export async function saveAssistedSectionAction(lng: string, id: string, section: string, _prev: FormState, form: FormData): Promise<FormState> {
  const result = await saveSection(lng, { sessionId: id, section }, form);
  if (!result.ok) return { errors: result.fieldErrors, values: result.values };
  redirectWithinSite(`/${lng}/desk/sessions/${id}/apply#${section}`);
}

const saveToFollow = staffAction(DESK, {
  args: z.object({ sessionId }),
  returnTo: (lng, a) => `/${lng}/desk/sessions/${a.sessionId}/apply/documents`,
  fromForm: (form) => ({ toFollow: form.getAll("toFollow").filter((v): v is string => typeof v === "string") }),
  input: () => z.object({ toFollow: z.array(z.string()).transform((v) => v.filter((d): d is DocumentType => (DOCUMENT_TYPES as readonly string[]).includes(d))) }),
  errors: applyErrors,
  run: async ({ user }, { toFollow }, a) => assistedToFollow(await serviceContext(), user, a.sessionId, toFollow),
});

/** The documents the applicant will bring later (they go on the 一次性告知书). */
export async function saveAssistedToFollowAction(lng: string, id: string, form: FormData): Promise<void> {
  await saveToFollow(lng, { sessionId: id }, form);
  redirectWithinSite(`/${lng}/desk/sessions/${id}/apply#documents`);
}

const deletePage = staffAction(DESK, {
  args: z.object({ sessionId, documentId: z.string().min(1).max(40) }),
  returnTo: (lng, a) => `/${lng}/desk/sessions/${a.sessionId}/apply/documents`,
  input: () => z.object({}),
  errors: applyErrors,
  run: async ({ user }, _input, a) => deleteAssistedDocument(await serviceContext(), user, a.sessionId, a.documentId),
});

/** Delete a page the worker took in (confirmed on the page first), before submit. */
export async function deleteAssistedDocumentAction(lng: string, id: string, documentId: string, form: FormData): Promise<void> {
  const result = await deletePage(lng, { sessionId: id, documentId }, form);
  const deleted = result.ok ? result.data : null;
  redirectWithinSite(`/${lng}/desk/sessions/${id}/apply/documents?${deleted?.ok ? `deleted=${deleted.docType}#doc-${deleted.docType}` : "error=not-found"}`);
}

const submit = staffAction(DESK, {
  args: z.object({ sessionId }),
  returnTo: (lng, a) => `/${lng}/desk/sessions/${a.sessionId}/apply/review`,
  input: () => z.object({ submitKey: z.string().max(80).default(""), applicantConfirmed: z.string().optional() }),
  errors: { ns: "desk", prefix: "errors" },
  run: async ({ user }, input, a) =>
    submitAssisted(await serviceContext({ notify: true }), user, a.sessionId, { submitKey: input.submitKey, applicantConfirmed: input.applicantConfirmed === "on" }),
});

/** Submit at the desk once the applicant confirmed the summary read back to them; then the receipt to print. */
export async function submitAssistedAction(lng: string, id: string, form: FormData): Promise<void> {
  const result = await submit(lng, { sessionId: id }, form);
  const submitted = result.ok ? result.data : null;
  if (submitted?.ok) redirectWithinSite(`/${lng}/desk/applications/${submitted.applicationId}/receipt?assisted=1`);
  if (submitted && !submitted.ok && submitted.code === "not-confirmed") redirectWithinSite(`/${lng}/desk/sessions/${id}/apply/review?error=not-confirmed`);
  if (submitted && !submitted.ok && submitted.code === "incomplete") redirectWithinSite(`/${lng}/desk/sessions/${id}/apply/review?error=incomplete`);
  redirectWithinSite(`/${lng}/desk?error=1`);
}
