import { evaluateEligibility, type Answers, type Certification } from "@/lib/eligibility";
import { certOptions } from "@/lib/eligibility/screener";
import { estimate, getPack, PACK_IDS, type Locale } from "@/lib/policy";

/**
 * Texts as users see them, not only as templates: eligibility results and estimate results (explanations,
 * exclusions, assumptions, referrals) for a spread of households and bills in every pack.
 */

function strings(node: unknown, out: string[] = []): string[] {
  if (typeof node === "string") out.push(node);
  else if (Array.isArray(node)) node.forEach((v) => strings(v, out));
  else if (node && typeof node === "object") Object.values(node).forEach((v) => strings(v, out));
  return out;
}

const BILLS = [
  { kind: "inpatient", facility: "county", inRegion: true, referred: true, designated: true, emergency: false, cause: "illness", total: "60000.00" },
  { kind: "inpatient", facility: "township", inRegion: true, referred: true, designated: true, emergency: false, cause: "illness", total: "9000.00", selfFunded: "500.00" },
  { kind: "inpatient", facility: "provincial", inRegion: false, referred: false, designated: false, emergency: true, cause: "traffic-accident", total: "200000.00" },
  { kind: "outpatient", facility: "city", inRegion: true, referred: true, designated: true, emergency: false, cause: "illness", total: "3000.00" },
  { kind: "outpatient-chronic", facility: "city", inRegion: true, referred: true, designated: true, emergency: false, cause: "illness", total: "12000.00" },
];

const memo = new Map<Locale, { where: string; text: string }[]>();

/** Every distinct rendered text of the check and the calculator in one script, with where it first came from. */
export function renderedTexts(locale: Locale): { where: string; text: string }[] {
  let done = memo.get(locale);
  if (!done) {
    done = [...new Map(render(locale).map((x) => [x.text, x])).values()];
    memo.set(locale, done);
  }
  return done;
}

function render(locale: Locale): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const policy of PACK_IDS) {
    const certs = certOptions(policy).filter((c) => c !== "none") as Certification[];
    for (const c of [[], ...certs.map((x) => [x])] as Certification[][]) {
      for (const insurance of ["resident", "employee", "none"] as const) {
        const a: Answers = { policy, who: "pupil", insurance, enrolled: true, certifications: c, highCosts: true, union: true, urgent: true };
        for (const text of strings(evaluateEligibility(a, locale))) out.push({ where: `eligibility ${policy} ${c} ${insurance}`, text });
        const r = estimate({ policy, serviceDate: getPack(policy)!.version.from, locale, person: { insurance, categories: c }, episodes: BILLS });
        for (const text of strings(r.body)) out.push({ where: `estimate ${policy} ${c} ${insurance}`, text });
        for (const bill of BILLS) {
          const one = estimate({ policy, serviceDate: getPack(policy)!.version.from, locale, person: { insurance, categories: c }, episodes: [bill] });
          for (const text of strings(one.body)) out.push({ where: `estimate ${policy} ${c} ${insurance} ${bill.kind}`, text });
        }
      }
    }
  }
  return out;
}
