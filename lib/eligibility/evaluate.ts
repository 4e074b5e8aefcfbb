import { listPolicies } from "@/lib/policy";
import type { Locale } from "@/lib/policy/types";
import { listJoin, text } from "@/lib/eligibility/messages";
import { rulesFor, type EligibilityRules } from "@/lib/eligibility/rules";
import type { Answers, Certification, EligibilityResult, Office, ProgrammeId, ProgrammeResult, Status } from "@/lib/eligibility/types";

interface Draft {
  status: Status;
  reasons: [string, Record<string, string>?][];
  steps: string[];
  docs: string[];
  office: Office;
  needsRecognition?: boolean;
}

const PRIORITY: Certification[] = ["tekun", "orphan", "dibao", "poverty-registered", "dibao-edge", "at-risk"];

/**
 * Which programmes apply to a household, with reasons, next steps, documents, office and the clause each rests on.
 * "maybe" means a decision someone still has to make (民政 认定, a hospital, a 工会), never a polite "no".
 * Pure and synchronous; the answers must already be validated (see schema.ts).
 */
export function evaluateEligibility(answers: Answers, locale: Locale): EligibilityResult {
  const rules = rulesFor(answers.policy);
  if (!rules) throw new Error(`no eligibility rules for ${answers.policy}`);
  const pack = listPolicies().find((p) => p.id === answers.policy)!;
  const certs = PRIORITY.filter((c) => answers.certifications.includes(c));
  const certNames = (list: Certification[]) => listJoin(locale, list.map((c) => text(locale, `cert.${c}`)));
  const held = (list: readonly Certification[]) => certs.filter((c) => list.includes(c));
  const ctx = { answers, rules, certs, certNames, held, historic: rules.assistanceCategories.includes("poverty-registered") };

  const drafts: Record<ProgrammeId, Draft> = {
    "resident-insurance-subsidy": subsidy(ctx),
    "basic-insurance": basic(ctx),
    "critical-illness-insurance": critical(ctx),
    "medical-assistance": assistance(ctx),
    "tilted-assistance": tilted(ctx),
    backstop: backstop(ctx),
    "one-time-medical-poverty": oneTime(ctx),
    "temporary-relief": relief(ctx),
    "dibao-inclusion": dibao(ctx),
    "education-aid": education(ctx),
    "union-aid": union(ctx),
    charity: charity(ctx),
    "emergency-fund": emergency(ctx),
    "pay-after-treatment": payAfter(ctx),
  };

  // Titles come from the pack first, then from any pack (the national framework's documents apply everywhere).
  const titles = new Map<string, string>();
  for (const d of [...pack.documents, ...listPolicies().flatMap((p) => p.documents)]) if (!titles.has(d.id)) titles.set(d.id, d.title[locale]);
  const programmes: ProgrammeResult[] = (Object.keys(drafts) as ProgrammeId[]).map((id) => {
    const d = drafts[id];
    return {
      id,
      name: text(locale, `programme.${id}`),
      status: d.status,
      needsRecognition: d.needsRecognition ?? false,
      reasons: d.reasons.map(([code, params]) => text(locale, `reason.${code}`, { pack: pack.title[locale], ...params })),
      nextSteps: d.steps.map((code) => text(locale, `step.${code}`)),
      documents: d.docs.map((code) => text(locale, `doc.${code}`)),
      office: text(locale, `office.${d.office}`),
      sources: rules.sources[id].map((s) => ({ ...s, ...(titles.has(s.document) ? { title: titles.get(s.document) } : {}) })),
    };
  });
  return {
    policy: { id: pack.id, title: pack.title[locale] },
    locale,
    programmes,
    estimateCategories: estimateCategories(answers),
  };
}

/** Categories for the calculation module: certificates held, plus pupil / young child. */
export function estimateCategories(answers: Answers): string[] {
  const out: string[] = [...answers.certifications];
  if (answers.who === "pupil") out.push("student");
  if (answers.who === "young-child") out.push("child");
  return out;
}

type Ctx = {
  answers: Answers;
  rules: EligibilityRules;
  certs: Certification[];
  certNames: (l: Certification[]) => string;
  held: (l: readonly Certification[]) => Certification[];
  historic: boolean;
};

const RECOGNITION_DOCS = ["id", "hukou", "diagnosis", "bills", "incomeAuth", "applicationForm"];

function subsidy({ answers, rules, held, certNames }: Ctx): Draft {
  const base = { office: "medical-insurance" as Office, docs: ["id", "hukou", "certificate"] };
  if (answers.insurance === "employee") return { ...base, status: "not-eligible", reasons: [["subsidyEmployee"]], steps: [], docs: [] };
  const full = held(rules.subsidy.full);
  if (full.length) return { ...base, status: "eligible", reasons: [["subsidyFull", { certs: certNames(full) }]], steps: ["subsidyAuto"] };
  const fixed = held(rules.subsidy.fixed);
  if (fixed.length) return { ...base, status: "eligible", reasons: [["subsidyFixed", { certs: certNames(fixed) }]], steps: ["subsidyAuto"] };
  const varies = held(rules.subsidy.varies);
  if (varies.length) return { ...base, status: "maybe", reasons: [["subsidyVaries", { certs: certNames(varies) }]], steps: ["subsidyAsk"] };
  return { ...base, status: "not-eligible", reasons: [["subsidyNone"]], steps: answers.highCosts ? ["seeRecognition"] : [], docs: [] };
}

function basic({ answers }: Ctx): Draft {
  const office: Office = answers.who === "adult" ? "medical-insurance" : "school";
  if (answers.insurance === "none")
    return { status: "not-eligible", reasons: [["uninsured"]], steps: ["enrolNow"], docs: ["id", "hukou"], office };
  const insurance = answers.insurance;
  if (!answers.enrolled)
    return { status: "maybe", reasons: [[`insurance.${insurance}`], ["notPaid"]], steps: ["payPremium"], docs: ["id"], office };
  return { status: "eligible", reasons: [[`insurance.${insurance}`], ["basicCovered"]], steps: ["useCard"], docs: ["insuranceCard"], office: "hospital" };
}

function critical({ answers, held, certNames }: Ctx): Draft {
  if (answers.insurance === "none")
    return { status: "not-eligible", reasons: [["criticalUninsured"]], steps: ["enrolNow"], docs: [], office: "medical-insurance" };
  if (!answers.enrolled)
    return { status: "maybe", reasons: [["notPaid"]], steps: ["payPremium"], docs: ["id"], office: "medical-insurance" };
  const reasons: Draft["reasons"] = [[answers.insurance === "resident" ? "criticalResident" : "criticalEmployee"]];
  const tilt = held(["tekun", "orphan", "dibao", "dibao-edge", "at-risk", "poverty-registered"]);
  if (tilt.length && answers.insurance === "resident") reasons.push(["criticalTilt", { certs: certNames(tilt) }]);
  return { status: "eligible", reasons, steps: ["criticalAuto"], docs: ["insuranceCard"], office: "hospital" };
}

function assistance({ answers, rules, held, certs, certNames }: Ctx): Draft {
  const covered = held(rules.assistanceCategories);
  if (covered.length) {
    const steps = ["assistanceOneStop"];
    if (answers.insurance === "none") steps.unshift("enrolNow");
    return { status: "eligible", reasons: [["assistanceCert", { certs: certNames(covered) }]], steps, docs: ["id", "certificate", "insuranceCard"], office: "hospital" };
  }
  const reasons: Draft["reasons"] = certs.length ? [["assistanceNotCovered", { certs: certNames(certs) }]] : [];
  if (answers.highCosts)
    return {
      status: "maybe",
      needsRecognition: true,
      reasons: [...reasons, ["assistanceRecognition"]],
      steps: ["applyRecognition", "keepBills"],
      docs: RECOGNITION_DOCS,
      office: "civil-affairs",
    };
  return { status: "not-eligible", reasons: [...reasons, ["assistanceNone"]], steps: ["ifCostsRise"], docs: [], office: "civil-affairs" };
}

function tilted({ answers, rules, held }: Ctx): Draft {
  if (!rules.tilted) return { status: "not-eligible", reasons: [["tiltedNotHere"]], steps: [], docs: [], office: "medical-insurance" };
  const covered = held(rules.assistanceCategories).length > 0;
  if (covered || answers.highCosts)
    return {
      status: "maybe",
      needsRecognition: !covered,
      reasons: [["tiltedMaybe"]],
      steps: ["tiltedReferral", ...(covered ? [] : ["applyRecognition"])],
      docs: ["referral", "settlement", "bills"],
      office: "medical-insurance",
    };
  return { status: "not-eligible", reasons: [["tiltedNone"]], steps: [], docs: [], office: "medical-insurance" };
}

function backstop({ answers, rules, held, certNames, historic }: Ctx): Draft {
  const b = rules.backstop;
  if (!b) return { status: "not-eligible", reasons: [["backstopNotHere"]], steps: [], docs: [], office: "medical-insurance" };
  const covered = held(b.eligible);
  if (covered.length) {
    const reasons: Draft["reasons"] = [["backstopCert", { certs: certNames(covered) }]];
    if (historic) reasons.push(["historic"]);
    return { status: "eligible", reasons, steps: ["backstopAuto"], docs: ["id", "certificate", "settlement", "bills"], office: "medical-insurance" };
  }
  if (answers.highCosts && b.recognition)
    return { status: "maybe", needsRecognition: true, reasons: [["backstopRecognition"]], steps: ["applyRecognition"], docs: RECOGNITION_DOCS, office: "civil-affairs" };
  return { status: "not-eligible", reasons: [["backstopNone", { certs: certNames(b.eligible) }]], steps: [], docs: [], office: "medical-insurance" };
}

function oneTime({ answers, rules, held, certNames }: Ctx): Draft {
  const o = rules.oneTimeMedicalPoverty;
  if (!o) return { status: "not-eligible", reasons: [["oneTimeNotHere"]], steps: [], docs: [], office: "civil-affairs" };
  if (!o.who.includes(answers.who)) return { status: "not-eligible", reasons: [["oneTimeWho"]], steps: [], docs: [], office: "civil-affairs" };
  const excluded = held(o.excluded);
  if (excluded.length)
    return { status: "not-eligible", reasons: [["oneTimeHasCert", { certs: certNames(excluded) }]], steps: [], docs: [], office: "civil-affairs" };
  if (answers.highCosts)
    return { status: "maybe", needsRecognition: true, reasons: [["oneTimeMaybe"]], steps: ["applyRecognition", "keepBills"], docs: RECOGNITION_DOCS, office: "civil-affairs" };
  return { status: "not-eligible", reasons: [["oneTimeNoCosts"]], steps: ["ifCostsRise"], docs: [], office: "civil-affairs" };
}

function relief({ answers }: Ctx): Draft {
  if (!answers.urgent && !answers.highCosts)
    return { status: "not-eligible", reasons: [["reliefNone"]], steps: ["ifCostsRise"], docs: [], office: "civil-affairs" };
  const reasons: Draft["reasons"] = [];
  if (answers.urgent) reasons.push(["reliefUrgent"]);
  if (answers.highCosts) reasons.push(["reliefExpense"]);
  reasons.push(["reliefDecision"]);
  return {
    status: "maybe",
    needsRecognition: true,
    reasons,
    steps: ["applyRelief", "reliefOnline"],
    docs: ["applicationForm", "id", "hukou", "incomeAuth", "diagnosis", "bills", "bank"],
    office: "civil-affairs",
  };
}

function dibao({ answers, held, certNames }: Ctx): Draft {
  const already = held(["tekun", "orphan", "dibao"]);
  if (already.length) return { status: "not-eligible", reasons: [["dibaoAlready", { certs: certNames(already) }]], steps: [], docs: [], office: "civil-affairs" };
  if (answers.highCosts) {
    const reasons: Draft["reasons"] = [["dibaoMaybe"]];
    if (held(["dibao-edge"]).length) reasons.push(["dibaoEdgeUpgrade"]);
    return { status: "maybe", needsRecognition: true, reasons, steps: ["applyDibao"], docs: ["applicationForm", "id", "hukou", "incomeAuth", "diagnosis", "bills"], office: "civil-affairs" };
  }
  return { status: "not-eligible", reasons: [["dibaoNoCosts"]], steps: ["ifCostsRise"], docs: [], office: "civil-affairs" };
}

function education({ answers, rules, certs, certNames }: Ctx): Draft {
  if (!rules.educationAid || answers.who === "adult")
    return { status: "not-eligible", reasons: [["eduAdult"]], steps: [], docs: [], office: "school" };
  if (certs.length)
    return { status: "eligible", reasons: [["eduCert", { certs: certNames(certs) }]], steps: ["askSchool"], docs: ["id", "certificate", "studentProof"], office: "school" };
  if (answers.highCosts)
    return { status: "maybe", reasons: [["eduMaybe"]], steps: ["askSchool"], docs: ["id", "diagnosis", "bills", "studentProof"], office: "school" };
  return { status: "not-eligible", reasons: [["eduNone"]], steps: [], docs: [], office: "school" };
}

function union({ answers, rules, certs }: Ctx): Draft {
  if (!rules.unionAid || !answers.union)
    return { status: "not-eligible", reasons: [["unionNotMember"]], steps: [], docs: [], office: "union" };
  if (answers.highCosts || certs.length)
    return {
      status: "maybe",
      reasons: [[answers.who === "adult" ? "unionMaybe" : "unionChild"]],
      steps: ["askUnion"],
      docs: ["id", "unionCard", "diagnosis", "bills"],
      office: "union",
    };
  return { status: "not-eligible", reasons: [["unionNoHardship"]], steps: [], docs: [], office: "union" };
}

function charity({ answers, certs }: Ctx): Draft {
  if (answers.highCosts || answers.urgent || certs.length)
    return { status: "maybe", reasons: [["charityMaybe"]], steps: ["askCharity"], docs: ["id", "diagnosis", "bills"], office: "charity" };
  return { status: "not-eligible", reasons: [["charityNone"]], steps: [], docs: [], office: "charity" };
}

function emergency({ answers }: Ctx): Draft {
  if (answers.urgent)
    return { status: "maybe", reasons: [["emergencyMaybe"]], steps: ["askHospital"], docs: ["id"], office: "hospital" };
  return { status: "not-eligible", reasons: [["emergencyNone"]], steps: [], docs: [], office: "hospital" };
}

function payAfter({ rules, held, certNames }: Ctx): Draft {
  const yes = held(rules.payAfterTreatment.eligible);
  if (yes.length)
    return { status: "eligible", reasons: [["patCert", { certs: certNames(yes) }]], steps: ["patAsk"], docs: ["id", "certificate", "insuranceCard"], office: "hospital" };
  const maybe = held(rules.payAfterTreatment.maybe);
  if (maybe.length)
    return { status: "maybe", reasons: [["patMaybe", { certs: certNames(maybe) }]], steps: ["patAsk"], docs: ["id", "certificate", "insuranceCard"], office: "hospital" };
  return { status: "not-eligible", reasons: [["patNone"]], steps: [], docs: [], office: "hospital" };
}
