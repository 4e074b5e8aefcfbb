import { listPolicies } from "@/lib/policy";
import type { Category, LayerId, Locale } from "@/lib/policy/types";
import { coverage, coveredCategories, criticalTilt, knowsPovertyRegistered, layerCategories, schemeWords } from "@/lib/eligibility/coverage";
import { inScript, listJoin, text } from "@/lib/eligibility/messages";
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

const PRIORITY: Certification[] = ["tekun", "orphan", "dibao", "poverty-registered", "dibao-edge", "at-risk", "medical-poverty"];

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
  const historic = knowsPovertyRegistered(answers.policy);
  // Who a layer covers comes from the pack (coverage.ts): the same data the calculator computes from.
  const covers = (layer: LayerId) => coveredCategories(answers.policy, layer, certs, answers.insurance);
  const ctx: Ctx = { answers, rules, certs, certNames, held, historic, covers, locale, packTitle: pack.title[locale] };

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
      sources: rules.sources[id].map((s) => ({
        ...s,
        clause: inScript(locale, s.clause),
        ...(s.quote ? { quote: inScript(locale, s.quote) } : {}),
        ...(titles.has(s.document) ? { title: titles.get(s.document) } : {}),
      })),
    };
  });
  const first = enrolFirst(ctx);
  return {
    policy: { id: pack.id, title: pack.title[locale] },
    locale,
    programmes,
    enrolFirst: first && {
      reasons: first.reasons.map(([code, params]) => text(locale, `reason.${code}`, { pack: pack.title[locale], ...params })),
      steps: first.steps.map((code) => text(locale, `step.${code}`)),
    },
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
  /** The household's certifications that the pack's layer covers (after insurance-only exclusions). */
  covers: (layer: LayerId) => Certification[];
  locale: Locale;
  packTitle: string;
};

/** Certifications a layer of the pack names, in the screener's order (for "… is for X, Y"). */
function layerCerts(policy: string, layer: LayerId): Certification[] {
  const cats = layerCategories(policy, layer) ?? [];
  return PRIORITY.filter((c) => cats.includes(c as Category));
}

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

function critical({ answers, certs, certNames }: Ctx): Draft {
  if (answers.insurance === "none")
    return { status: "not-eligible", reasons: [["criticalUninsured"]], steps: ["enrolNow"], docs: [], office: "medical-insurance" };
  // 大病保险 in the packs is a 城乡居民医保 benefit; 职工医保's 大额医疗费用补助 is local and not computed.
  if (coverage(answers.policy, "critical", certs, answers.insurance).status !== "covered")
    return { status: "maybe", reasons: [["criticalEmployee"]], steps: ["askEmployeeTopUp"], docs: ["insuranceCard"], office: "medical-insurance" };
  if (!answers.enrolled)
    return { status: "maybe", reasons: [["notPaid"]], steps: ["payPremium"], docs: ["id"], office: "medical-insurance" };
  const reasons: Draft["reasons"] = [["criticalResident"]];
  // Only the categories a pack actually tilts, and only in the ways it tilts them.
  const tilted = certs.filter((c) => criticalTilt(answers.policy, [c as Category], answers.insurance));
  const tilt = criticalTilt(answers.policy, tilted as Category[], answers.insurance);
  if (tilt && tilted.length) {
    const key = tilt.threshold && tilt.rate ? "criticalTilt" : tilt.threshold ? "criticalTiltThreshold" : tilt.rate ? "criticalTiltRate" : "criticalTiltCap";
    reasons.push([key, { certs: certNames(tilted) }]);
  }
  return { status: "eligible", reasons, steps: ["criticalAuto"], docs: ["insuranceCard"], office: "hospital" };
}

function assistance({ answers, rules, certs, certNames, covers, locale }: Ctx): Draft {
  const covered = covers("assistance");
  if (covered.length) {
    const steps = ["assistanceOneStop"];
    if (answers.insurance === "none") steps.unshift("enrolNow");
    const cov = coverage(answers.policy, "assistance", covered as Category[], answers.insurance);
    const words = cov.status === "covered" && cov.scheme ? schemeWords(answers.policy, cov.scheme, locale) : {};
    // Say which of the place's classes the household falls in and at what ratio (内蒙古 五: 低保边缘 → 低收入, ≥ 50 %).
    const reason: Draft["reasons"][number] =
      words.name && words.ratio
        ? [rules.assistanceRatioIsMinimum ? "assistanceSchemeMin" : "assistanceScheme", { certs: certNames(covered), scheme: words.name, ratio: words.ratio }]
        : ["assistanceCert", { certs: certNames(covered) }];
    return { status: "eligible", reasons: [reason], steps, docs: ["id", "certificate", "insuranceCard"], office: "hospital" };
  }
  const whom = layerCerts(answers.policy, "assistance").filter((c) => c !== "medical-poverty");
  const reasons: Draft["reasons"] = certs.length ? [["assistanceNotCovered", { certs: certNames(certs), covered: certNames(whom) }]] : [];
  const recognition = layerCerts(answers.policy, "assistance").includes("medical-poverty");
  if (answers.highCosts && recognition)
    return {
      status: "maybe",
      needsRecognition: true,
      reasons: [...reasons, [certs.length ? "assistanceRecognitionWithCert" : "assistanceRecognition"]],
      steps: ["applyRecognition", "keepBills"],
      docs: RECOGNITION_DOCS,
      office: "civil-affairs",
    };
  return { status: "not-eligible", reasons: [...reasons, ["assistanceNone", { covered: certNames(whom) }]], steps: ["ifCostsRise"], docs: [], office: "civil-affairs" };
}

function tilted({ answers, covers }: Ctx): Draft {
  if (coverage(answers.policy, "tilted", [], answers.insurance).status === "absent")
    return { status: "not-eligible", reasons: [["tiltedNotHere"]], steps: [], docs: [], office: "medical-insurance" };
  const covered = covers("tilted").length > 0;
  const recognition = layerCerts(answers.policy, "tilted").includes("medical-poverty");
  if (covered || (answers.highCosts && recognition))
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

function backstop({ answers, held, certNames, historic }: Ctx): Draft {
  const policy = answers.policy;
  const layers = (["waiver", "backstop"] as const).filter((l) => coverage(policy, l, [], answers.insurance).status !== "absent");
  if (!layers.includes("backstop")) return { status: "not-eligible", reasons: [["backstopNotHere"]], steps: [], docs: [], office: "medical-insurance" };
  const whom = layerCerts(policy, "backstop");
  const byCert = held(whom);
  const block = coverage(policy, "backstop", byCert as Category[], answers.insurance);
  if (block.status === "blocked") {
    // 浙江 二(一) 基本医疗保险参保…对象; 鹿寨 三(二)8 不享受城乡居民基本医疗保险待遇的患者不予兜底.
    if (answers.insurance === "none" && (byCert.length || answers.highCosts))
      return {
        status: "maybe",
        reasons: [["backstopEnrolFirst", { certs: certNames(byCert.length ? byCert : whom) }]],
        steps: ["enrolFirst", "enrolThen"],
        docs: ["id", "hukou", "certificate"],
        office: "medical-insurance",
      };
    return { status: "not-eligible", reasons: [[answers.insurance === "none" ? "backstopUninsured" : "backstopResidentOnly"]], steps: answers.insurance === "none" ? ["enrolNow"] : [], docs: [], office: "medical-insurance" };
  }
  const covered = byCert;
  if (covered.length) {
    const reasons: Draft["reasons"] = [["backstopCert", { certs: certNames(covered) }]];
    if (historic) reasons.push(["historic"]);
    return { status: "eligible", reasons, steps: ["backstopAuto"], docs: ["id", "certificate", "settlement", "bills"], office: "medical-insurance" };
  }
  if (answers.highCosts && whom.includes("medical-poverty"))
    return { status: "maybe", needsRecognition: true, reasons: [["backstopRecognition"]], steps: ["applyRecognition"], docs: RECOGNITION_DOCS, office: "civil-affairs" };
  return { status: "not-eligible", reasons: [["backstopNone", { certs: certNames(whom) }]], steps: [], docs: [], office: "medical-insurance" };
}

function oneTime({ answers, rules, held, certNames }: Ctx): Draft {
  const o = rules.oneTimeMedicalPoverty;
  if (!o) return { status: "not-eligible", reasons: [["oneTimeNotHere"]], steps: [], docs: [], office: "civil-affairs" };
  if (!o.who.includes(answers.who)) return { status: "not-eligible", reasons: [["oneTimeWho"]], steps: [], docs: [], office: "civil-affairs" };
  const excluded = held(o.excluded);
  if (excluded.length)
    return { status: "not-eligible", reasons: [["oneTimeHasCert", { certs: certNames(excluded) }]], steps: [], docs: [], office: "civil-affairs" };
  if (held(["medical-poverty"]).length)
    return { status: "eligible", reasons: [["oneTimeRecognised"]], steps: ["assistanceOneStop", "keepBills"], docs: ["id", "certificate", "diagnosis", "bills"], office: "civil-affairs" };
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

function payAfter({ answers, rules, held, certNames }: Ctx): Draft {
  const pat = rules.payAfterTreatment;
  const yes = held(pat.eligible);
  const maybe = held(pat.maybe);
  if ((yes.length || maybe.length) && pat.insurance && !pat.insurance.includes(answers.insurance))
    return { status: "not-eligible", reasons: [[answers.insurance === "none" ? "patUninsured" : "patResidentOnly"]], steps: [], docs: [], office: "hospital" };
  const condition: Draft["reasons"] = pat.condition ? [[pat.condition]] : [];
  if (yes.length)
    return { status: "eligible", reasons: [["patCert", { certs: certNames(yes) }], ...condition], steps: ["patAsk"], docs: ["id", "certificate", "insuranceCard"], office: "hospital" };
  if (maybe.length)
    return { status: "maybe", reasons: [["patMaybe", { certs: certNames(maybe) }], ...condition], steps: ["patAsk"], docs: ["id", "certificate", "insuranceCard"], office: "hospital" };
  return { status: "not-eligible", reasons: [["patNone"]], steps: [], docs: [], office: "hospital" };
}

/**
 * An uninsured household is told to enrol first: the layers that need cover (基本医保, 大病保险, and 兜底 where the
 * pack requires 参保) pay nothing for care before it starts; 资助参保 pays the premium for those who qualify.
 */
function enrolFirst({ answers, rules, held, certNames }: Ctx): { reasons: [string, Record<string, string>?][]; steps: string[] } | null {
  if (answers.insurance !== "none") return null;
  const reasons: [string, Record<string, string>?][] = [["enrolFirstWhy"]];
  const full = held(rules.subsidy.full);
  const fixed = held(rules.subsidy.fixed);
  const varies = held(rules.subsidy.varies);
  if (full.length) reasons.push(["subsidyFull", { certs: certNames(full) }]);
  else if (fixed.length) reasons.push(["subsidyFixed", { certs: certNames(fixed) }]);
  else if (varies.length) reasons.push(["subsidyVaries", { certs: certNames(varies) }]);
  return { reasons, steps: ["enrolFirst", "enrolSubsidyAsk", "enrolThen"] };
}
