"use server";

import { redirectWithinSite } from "@/lib/http/redirect";
import { z } from "zod";
import type { FormState } from "@/components/apply/section-form";
import { citizenAction, FieldRefusal } from "@/lib/actions/safe-action";
import { serviceContext } from "@/lib/applications/context";
import { DOCUMENT_TYPES } from "@/lib/applications/documents";
import { type FormSectionId, SECTION_IDS, sectionSchema } from "@/lib/applications/draft-schema";
import { formToInput } from "@/lib/applications/section-fields";
import { rememberScript, setDocumentsToFollow, storeDraftSection, submitApplication } from "@/lib/applications/service";
import { deleteDraftDocument } from "@/lib/applications/uploads";

const FORM_SECTIONS = SECTION_IDS.filter((s): s is FormSectionId => s !== "documents") as [FormSectionId, ...FormSectionId[]];
const noArgs = z.object({});
const applyErrors = { ns: "apply", prefix: "errors" } as const;

const saveSection = citizenAction({
  args: z.object({ section: z.enum(FORM_SECTIONS) }),
  returnTo: (lng) => `/${lng}/apply`,
  fromForm: (form, { section }) => formToInput(section, form),
  input: ({ section }) => sectionSchema(section),
  errors: applyErrors,
  run: async ({ user }, data, { section }) => {
    const saved = await storeDraftSection(await serviceContext(), user.id, section, data);
    if (!saved.ok) throw new FieldRefusal(saved.errors);
  },
});

export async function saveSectionAction(lng: string, section: string, _prev: FormState, form: FormData): Promise<FormState> {
  const result = await saveSection(lng, { section }, form);
  if (!result.ok) return { errors: result.fieldErrors, values: result.values };
  redirectWithinSite(`/${lng}/apply#${section}`);
}

const saveToFollow = citizenAction({
  args: noArgs,
  returnTo: (lng) => `/${lng}/apply`,
  fromForm: (form) => ({ toFollow: form.getAll("toFollow").filter((v): v is string => typeof v === "string") }),
  // Ticked document types; anything else a tampered form might send is dropped.
  input: () => z.object({ toFollow: z.array(z.string()).transform((v) => v.filter((d) => (DOCUMENT_TYPES as readonly string[]).includes(d))) }),
  errors: applyErrors,
  run: async ({ user }, { toFollow }) => setDocumentsToFollow(await serviceContext(), user.id, toFollow as (typeof DOCUMENT_TYPES)[number][]),
});

export async function saveDocumentsToFollowAction(lng: string, form: FormData): Promise<void> {
  await saveToFollow(lng, {}, form);
  redirectWithinSite(`/${lng}/apply#documents`);
}

const deleteDocument = citizenAction({
  args: z.object({ documentId: z.string().regex(/^[a-z0-9]{10,40}$/) }),
  returnTo: (lng) => `/${lng}/apply/documents`,
  input: () => z.object({}),
  errors: applyErrors,
  run: async ({ user }, _input, { documentId }) => deleteDraftDocument(await serviceContext(), user.id, documentId),
});

/** The confirmed delete of one uploaded page (the confirmation is its own page state: works without JavaScript). */
export async function deleteDocumentAction(lng: string, documentId: string, form: FormData): Promise<void> {
  const result = await deleteDocument(lng, { documentId }, form);
  const deleted = result.ok ? result.data : null;
  if (deleted?.ok) redirectWithinSite(`/${lng}/apply/documents?deleted=${deleted.docType}#doc-${deleted.docType}`);
  redirectWithinSite(`/${lng}/apply/documents?error=not-found`);
}

const submit = citizenAction({
  args: noArgs,
  returnTo: (lng) => `/${lng}/apply`,
  input: () => z.object({ submitKey: z.string().default("") }),
  errors: applyErrors,
  run: async ({ lng, user }, { submitKey }) => {
    const ctx = await serviceContext({ notify: true });
    // The script the application is submitted in is the one its SMS will use.
    await rememberScript(ctx, user.id, lng);
    return submitApplication(ctx, user.id, submitKey);
  },
});

export async function submitAction(lng: string, form: FormData): Promise<void> {
  const result = await submit(lng, {}, form);
  const submitted = result.ok ? result.data : null;
  if (submitted?.ok) redirectWithinSite(`/${lng}/apply/submitted/${submitted.applicationId}`);
  if (submitted?.code === "incomplete") redirectWithinSite(`/${lng}/apply/review?missing=${submitted.missing.join(",")}`);
  redirectWithinSite(`/${lng}/progress`);
}
