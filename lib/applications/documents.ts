import type { DraftData } from "@/lib/applications/draft-schema";

/**
 * Document types and which ones an application needs, from its answers (DOMAIN-BRIEF §7.3:
 * 身份证、户口簿, 困难事由证明 such as 诊断证明 and 医疗费用票据, 低保/特困 certificates if any).
 * The 核对授权 is the consent given in the form, so it is not a document here.
 */
export const DOCUMENT_TYPES = [
  "applicant-id", // 申请人身份证
  "household-register", // 户口簿 / 居住证
  "patient-id", // 患者身份证明 (child: 户口页 / 出生证明)
  "relationship-proof", // 关系证明 (户口簿 page, 出生医学证明)
  "diagnosis", // 诊断证明 / 病历
  "bills", // 医疗费用票据 / 结算单
  "certification", // 低保证 / 特困证 / 残疾证
  "other",
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export function isDocumentType(value: unknown): value is DocumentType {
  return typeof value === "string" && (DOCUMENT_TYPES as readonly string[]).includes(value);
}

export function requiredDocuments(data: DraftData): DocumentType[] {
  const docs: DocumentType[] = ["applicant-id", "household-register", "diagnosis"];
  if (data.patient && data.patient.relationship !== "self") docs.push("patient-id", "relationship-proof");
  if (data.reason?.reliefType !== "urgent" || (data.illness && Number(data.illness.totalCost) > 0)) docs.push("bills");
  const certs = data.household?.certifications ?? [];
  if (certs.some((c) => c !== "none")) docs.push("certification");
  return docs;
}

/** Upload limits: phone photos are resized in the browser; originals up to this size are still accepted. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
export const ALLOWED_MIME_TYPES = ["image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf"] as const;
