import { z } from "zod";
import inner from "@/lib/policy/eligibility/inner-mongolia-2018.json";
import luzhai from "@/lib/policy/eligibility/luzhai-2018.json";
import national from "@/lib/policy/eligibility/national-2021.json";
import shenyang from "@/lib/policy/eligibility/shenyang-2023.json";
import urumqi from "@/lib/policy/eligibility/urumqi-2023.json";
import zhejiang from "@/lib/policy/eligibility/zhejiang-district-2024.json";
import { RELIABILITIES } from "@/lib/policy/types";
import { CERTIFICATIONS, PROGRAMME_IDS, WHO } from "@/lib/eligibility/types";

/**
 * Eligibility rules live beside the policy packs (lib/policy/eligibility/<pack>.json): which certifications each
 * place's assistance covers, which optional programmes it has, and the clause each answer rests on.
 */
const cert = z.enum(CERTIFICATIONS);
const source = z.strictObject({
  document: z.string().min(1),
  clause: z.string().min(1),
  quote: z.string().min(1).optional(),
  reliability: z.enum(RELIABILITIES),
});

export const rulesSchema = z.strictObject({
  pack: z.string(),
  /** Certifications whose holders are 医疗救助 recipients in this place. */
  assistanceCategories: z.array(cert).min(1),
  /** 资助参保: full premium, fixed amount, or set by the province (監測对象, 低保边缘). */
  subsidy: z.strictObject({ full: z.array(cert), fixed: z.array(cert), varies: z.array(cert) }),
  tilted: z.boolean(),
  /** 兜底 after the three layers: who qualifies by certificate; whether 因病致困 can be recognised into it. */
  backstop: z.strictObject({ eligible: z.array(cert).min(1), recognition: z.boolean() }).nullable(),
  /** 一次性因病致贫重病患者医疗救助 (沈阳): who it is for and which certificates exclude it (they get the regular one). */
  oneTimeMedicalPoverty: z.strictObject({ who: z.array(z.enum(WHO)).min(1), excluded: z.array(cert) }).nullable(),
  payAfterTreatment: z.strictObject({ eligible: z.array(cert), maybe: z.array(cert) }),
  educationAid: z.boolean(),
  unionAid: z.boolean(),
  sources: z.strictObject(Object.fromEntries(PROGRAMME_IDS.map((id) => [id, z.array(source)])) as Record<(typeof PROGRAMME_IDS)[number], z.ZodArray<typeof source>>),
});
export type EligibilityRules = z.infer<typeof rulesSchema>;

const raw: unknown[] = [inner, luzhai, national, shenyang, urumqi, zhejiang];
const byPack = new Map<string, EligibilityRules>(
  raw.map((r) => {
    const rules = rulesSchema.parse(r);
    return [rules.pack, rules];
  }),
);

export function rulesFor(pack: string): EligibilityRules | undefined {
  return byPack.get(pack);
}

export function rulePacks(): string[] {
  return [...byPack.keys()];
}
