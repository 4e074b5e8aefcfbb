"use server";

import { redirectWithinSite } from "@/lib/http/redirect";
import { getApplicationForCitizen, performCitizenAction } from "@/lib/applications/service";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { defaultLocale, isLocale } from "@/lib/i18n/settings";
import { getSmsSender } from "@/lib/sms";

/** 补正 handed in (or documents completed after 先行救助): the requested types that now have an upload. */
export async function handInDocumentsAction(lngArg: string, applicationId: string): Promise<void> {
  // The arguments come from the client as they were sent: a tampered script name must not shape the redirect.
  const lng = isLocale(lngArg) ? lngArg : defaultLocale;
  const user = await getSessionUser();
  if (user?.kind !== "citizen") redirectWithinSite(`/${lng}/login`);
  const db = getDb();
  const view = await getApplicationForCitizen({ db }, user.id, applicationId);
  if (!view) redirectWithinSite(`/${lng}/progress`);
  const back = `/${lng}/progress/${applicationId}`;
  const uploaded = new Set(view.documents.map((d) => d.docType));
  const correction = view.status === "correction";
  const requested = correction ? (view.state.correction?.documents ?? []) : view.data.documentsToFollow.length ? view.data.documentsToFollow : view.requiredDocuments;
  const documents = requested.filter((d) => uploaded.has(d));
  if (!documents.length) redirectWithinSite(`${back}?error=upload-first`);
  const result = await performCitizenAction({ db, sms: getSmsSender({ db }) }, user.id, applicationId, {
    type: correction ? "submit-correction" : "complete-documents",
    documents,
  });
  redirectWithinSite(result.ok ? `${back}?done=1` : `${back}?error=${result.code}`);
}
