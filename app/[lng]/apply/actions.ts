"use server";

import { redirectWithinSite } from "@/lib/http/redirect";
import type { FormState } from "@/components/apply/section-form";
import { isDocumentType } from "@/lib/applications/documents";
import { type FormSectionId, SECTION_IDS } from "@/lib/applications/draft-schema";
import { formToInput } from "@/lib/applications/section-fields";
import { saveDraftSection, setDocumentsToFollow, submitApplication } from "@/lib/applications/service";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { isLocale } from "@/lib/i18n/settings";
import { getSmsSender } from "@/lib/sms";

async function citizenOrSignIn(lng: string) {
  const user = await getSessionUser();
  if (user?.kind !== "citizen") redirectWithinSite(`/${lng}/login?returnTo=${encodeURIComponent(`/${lng}/apply`)}`);
  return user;
}

export async function saveSectionAction(lng: string, section: string, _prev: FormState, form: FormData): Promise<FormState> {
  if (!isLocale(lng) || !(SECTION_IDS as readonly string[]).includes(section) || section === "documents") redirectWithinSite("/");
  const user = await citizenOrSignIn(lng);
  const input = formToInput(section as FormSectionId, form);
  const result = await saveDraftSection({ db: getDb() }, user.id, section as FormSectionId, input);
  if (!result.ok) return { errors: result.errors, values: input };
  redirectWithinSite(`/${lng}/apply#${section}`);
}

export async function saveDocumentsToFollowAction(lng: string, form: FormData): Promise<void> {
  const user = await citizenOrSignIn(lng);
  const docs = form.getAll("toFollow").filter(isDocumentType);
  await setDocumentsToFollow({ db: getDb() }, user.id, docs);
  redirectWithinSite(`/${lng}/apply#documents`);
}

export async function submitAction(lng: string, form: FormData): Promise<void> {
  const user = await citizenOrSignIn(lng);
  const key = form.get("submitKey");
  const db = getDb();
  const result = await submitApplication({ db, sms: getSmsSender({ db }) }, user.id, typeof key === "string" ? key : "");
  if (result.ok) redirectWithinSite(`/${lng}/apply/submitted/${result.applicationId}`);
  if (result.code === "incomplete") redirectWithinSite(`/${lng}/apply/review?missing=${result.missing.join(",")}`);
  redirectWithinSite(`/${lng}/progress`);
}
