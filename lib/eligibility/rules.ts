import { z } from "zod";
import inner from "@/lib/policy/eligibility/inner-mongolia-2018.json";
import luzhai from "@/lib/policy/eligibility/luzhai-2018.json";
import national from "@/lib/policy/eligibility/national-2021.json";
import shenyang from "@/lib/policy/eligibility/shenyang-2023.json";
import urumqi from "@/lib/policy/eligibility/urumqi-2023.json";
import zhejiang from "@/lib/policy/eligibility/zhejiang-district-2024.json";
import { INSURANCES, RELIABILITIES } from "@/lib/policy/types";
import { CERTIFICATIONS, PROGRAMME_IDS, WHO } from "@/lib/eligibility/types";

/**
 * Eligibility rules live beside the policy packs (lib/policy/eligibility/<pack>.json): the programmes the
 * calculator does not compute (资助参保, 先诊疗后付费, the 沈阳 one-time aid, 教育资助, 工会) and the clause each
 * answer rests on. Who the calculator's layers cover (医疗救助, 倾斜救助, 兜底 …) is not repeated here: the check
 * reads it from the pack itself (coverage.ts).
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
  /** 资助参保: full premium, fixed amount, or set by the province (監測对象, 低保边缘). */
  subsidy: z.strictObject({ full: z.array(cert), fixed: z.array(cert), varies: z.array(cert) }),
  /** The pack's 医疗救助 ratios are floors (内蒙古 2018 五: “不低于70%”, “不低于50%”). */
  assistanceRatioIsMinimum: z.boolean().default(false),
  /** 一次性因病致贫重病患者医疗救助 (沈阳): who it is for and which certificates exclude it (they get the regular one). */
  oneTimeMedicalPoverty: z.strictObject({ who: z.array(z.enum(WHO)).min(1), excluded: z.array(cert) }).nullable(),
  /**
   * 先诊疗后付费 is a hospital arrangement, not a layer the calculator pays: who has it by certificate, which
   * insurance it needs (鹿寨 三(四)3: 参加城乡居民基本医疗保险的农村贫困住院患者) and the condition the place sets.
   */
  payAfterTreatment: z.strictObject({
    eligible: z.array(cert),
    maybe: z.array(cert),
    insurance: z.array(z.enum(INSURANCES)).optional(),
    condition: z.string().optional(),
  }),
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
