import { CERTIFICATIONS as APPLICATION_CERTIFICATIONS, type DraftData, type FormSectionId } from "@/lib/applications/draft-schema";
import { CERTIFICATIONS as SCREENER_CERTIFICATIONS, WHO, type Certification, type Who } from "@/lib/eligibility/types";

/**
 * What the application can fill in from answers the family already gave: 查资格 (place, who is ill, the household's
 * certificates) and 算报销 (the bill and the money already received). Each pre-filled field says where its value came
 * from, on the field, until the section is saved. Pure: the pages render, the service stores.
 */

/** The 查资格 answers an application can use; travels as `?from=eligibility&policy=…&who=…&cert=…`. */
export type ScreenerPrefill = { policy: string; who?: Who; certifications: Certification[] };

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").trim();
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim());

/** Screener prefill from query params: a known-looking pack id, a known `who`, known certificates; the rest ignored. */
export function parseScreenerPrefill(params: Params): ScreenerPrefill | null {
  if (one(params.from) !== "eligibility") return null;
  const policy = one(params.policy);
  if (!/^[a-z0-9-]{1,40}$/.test(policy)) return null;
  const who = one(params.who);
  const certifications = [...new Set(many(params.cert))].filter((c): c is Certification => (SCREENER_CERTIFICATIONS as readonly string[]).includes(c));
  return { policy, ...((WHO as readonly string[]).includes(who) ? { who: who as Who } : {}), certifications };
}

/** The query that hands the screener's answers to the application (the inverse of parseScreenerPrefill). */
export function screenerPrefillQuery(prefill: ScreenerPrefill): URLSearchParams {
  const query = new URLSearchParams({ from: "eligibility", policy: prefill.policy });
  if (prefill.who) query.set("who", prefill.who);
  prefill.certifications.forEach((c) => query.append("cert", c));
  return query;
}

/**
 * A 专班 invitation (lib/schools/zhuanban/cases.ts openInvitation): the case, its area, and the pupil when the
 * parent signed in with the guardian phone the SMS went to. Kept with the draft; submit marks the case applied.
 */
export type SchoolCasePrefill = { caseId: string; areaCode: string; pupil?: { name: string; idNumber: string } };

type ApplicationCertification = (typeof APPLICATION_CERTIFICATIONS)[number];

/**
 * The screener's certificates in the application's words. 低保边缘 is what the application calls 低收入家庭;
 * the screener's other answers (孤儿, 监测对象, 已认定因病致贫) have no box on the form and are left to the family.
 */
const CERTIFICATE_ON_FORM: Partial<Record<Certification, ApplicationCertification>> = {
  dibao: "dibao",
  tekun: "tekun",
  "dibao-edge": "low-income",
};

export type PrefillSource = "estimate" | "eligibility" | "school-case";

export interface SectionPrefill {
  values: Record<string, string | string[]>;
  /** Which fields were pre-filled, and from where (the page says so on the field). */
  from: Record<string, PrefillSource>;
}

/**
 * A section's pre-filled values while it has not been saved: nothing once the family saved it (what they saved is
 * theirs). `areaCodes` are the areas whose pack the screener's place names: the area is filled only when there is
 * exactly one, never guessed.
 */
export function sectionPrefill(section: FormSectionId, data: DraftData, areaCodes: readonly string[] = []): SectionPrefill {
  const out: SectionPrefill = { values: {}, from: {} };
  if (data[section]) return out;
  const set = (field: string, value: string | string[], source: PrefillSource) => {
    out.values[field] = value;
    out.from[field] = source;
  };
  const screener = data.screener;
  const schoolCase = data.schoolCase;
  switch (section) {
    case "applicant":
      // The school's area for a 专班 invitation (the case's help chain is there); else the screener's place, when only one.
      if (schoolCase) set("areaCode", schoolCase.areaCode, "school-case");
      else if (screener && areaCodes.length === 1) set("areaCode", areaCodes[0], "eligibility");
      break;
    case "patient":
      if (schoolCase) {
        // The invitation is for the pupil: the applicant's child. Name and ID only for the guardian's own phone.
        set("relationship", "child", "school-case");
        if (schoolCase.pupil) {
          set("name", schoolCase.pupil.name, "school-case");
          set("idNumber", schoolCase.pupil.idNumber, "school-case");
        }
        break;
      }
      // A pupil or a young child is the applicant's child; an adult may be the applicant or someone else: not guessed.
      if (screener?.who === "pupil" || screener?.who === "young-child") set("relationship", "child", "eligibility");
      break;
    case "household":
      if (screener) {
        const onForm = [...new Set(screener.certifications.map((c) => CERTIFICATE_ON_FORM[c]).filter((c): c is ApplicationCertification => !!c))];
        // "None of these" in the screener is the form's 无; certificates the form has no box for are left to the family.
        if (onForm.length) set("certifications", onForm, "eligibility");
        else if (!screener.certifications.length) set("certifications", ["none"], "eligibility");
      }
      break;
    case "illness":
      if (data.prefill) {
        set("totalCost", data.prefill.total, "estimate");
        // Only what was settled (typed off the slips) is carried: see settledReimbursed in lib/estimate/form.
        if (data.prefill.reimbursed) set("reimbursed", data.prefill.reimbursed, "estimate");
      }
      break;
    case "bank":
      if (data.applicant) out.values.accountName = data.applicant.name;
      break;
    default:
      break;
  }
  return out;
}

/**
 * The answers known so far, saved or pre-filled, for what depends on them before the family reaches each section
 * (the documents to prepare): a pupil patient means the child's ID and the relationship proof, 低保 its certificate.
 */
export function answersSoFar(data: DraftData): DraftData {
  const out: DraftData = { ...data };
  const patient = sectionPrefill("patient", data).values.relationship;
  if (!out.patient && patient === "child") out.patient = { relationship: "child", name: "", idNumber: "" };
  const certifications = sectionPrefill("household", data).values.certifications;
  if (!out.household && Array.isArray(certifications)) {
    out.household = { size: 1, monthlyIncome: "0.00", certifications: certifications as ApplicationCertification[] };
  }
  return out;
}
