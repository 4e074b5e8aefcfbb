"use server";

import { redirect } from "next/navigation";
import { getApplicationForCitizen, performCitizenAction } from "@/lib/applications/service";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getSmsSender } from "@/lib/sms";

/** 补正 handed in (or documents completed after 先行救助): the requested types that now have an upload. */
export async function handInDocumentsAction(lng: string, applicationId: string): Promise<void> {
  const user = await getSessionUser();
  if (user?.kind !== "citizen") redirect(`/${lng}/login`);
  const db = getDb();
  const view = await getApplicationForCitizen({ db }, user.id, applicationId);
  if (!view) redirect(`/${lng}/progress`);
  const back = `/${lng}/progress/${applicationId}`;
  const uploaded = new Set(view.documents.map((d) => d.docType));
  const correction = view.status === "correction";
  const requested = correction ? (view.state.correction?.documents ?? []) : view.data.documentsToFollow.length ? view.data.documentsToFollow : view.requiredDocuments;
  const documents = requested.filter((d) => uploaded.has(d));
  if (!documents.length) redirect(`${back}?error=upload-first`);
  const result = await performCitizenAction({ db, sms: getSmsSender({ db }) }, user.id, applicationId, {
    type: correction ? "submit-correction" : "complete-documents",
    documents,
  });
  redirect(result.ok ? `${back}?done=1` : `${back}?error=${result.code}`);
}
