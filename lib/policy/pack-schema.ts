import { z } from "zod";
import {
  CATEGORIES,
  CAUSES,
  EPISODE_KINDS,
  EXCLUSION_REASONS,
  FACILITIES,
  INSURANCES,
  LAYER_IDS,
  PROGRAMMES,
  RELIABILITIES,
} from "./types";

/**
 * The shape of a policy pack (lib/policy/packs/<id>.json). Packs are pure data:
 * every rate, threshold, cap and standard is a parameter with dated values, a
 * unit, a source and a reliability mark; the engine holds only the formulas.
 * Texts (titles, labels, clauses, quotes) live in locales/<lng>/policy.json
 * under `pack.<id>.…` and `param.…`.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);

const levels = z.strictObject({
  township: decimal,
  county: decimal,
  city: decimal,
  provincial: decimal,
});

const bands = z.strictObject({
  /** "excess": band bounds are measured on the part above the threshold; "cumulative": on the year's base itself. */
  basis: z.enum(["excess", "cumulative"]),
  bands: z.array(z.strictObject({ from: decimal, rate: decimal })).min(1),
});

export const paramValueSchema = z.union([decimal, levels, bands, z.boolean()]);

const paramSchema = z.strictObject({
  unit: z.enum(["CNY", "CNY/month", "CNY/year", "ratio", "points", "factor", "count", "working-days", "days", "months", "flag", "month-of-year", "day-of-month"]),
  /** Locale key of the label; defaults to `param.<parameter id>`. */
  labelKey: z.string().optional(),
  reliability: z.enum(RELIABILITIES),
  source: id,
  values: z
    .array(
      z.strictObject({
        from: isoDate,
        value: paramValueSchema,
        reliability: z.enum(RELIABILITIES).optional(),
        source: id.optional(),
      }),
    )
    .min(1)
    .optional(),
  /** A value computed from other scalar parameters (e.g. threshold = income × 25%). */
  derived: z.strictObject({ product: z.array(id).min(2) }).optional(),
});

const condition = z.strictObject({
  kind: z.array(z.enum(EPISODE_KINDS)).optional(),
  cause: z.array(z.enum(CAUSES)).optional(),
  facility: z.array(z.enum(FACILITIES)).optional(),
  insurance: z.array(z.enum(INSURANCES)).optional(),
  designated: z.boolean().optional(),
  emergency: z.boolean().optional(),
  inRegion: z.boolean().optional(),
  referred: z.boolean().optional(),
});

const categories = z.array(z.enum(CATEGORIES)).min(1);
const layerSources = z.array(id).default([]);

const basicScheme = z.strictObject({
  /** Per-admission deductible by facility level (inpatient), or a yearly deductible. */
  deductible: id,
  deductiblePer: z.enum(["admission", "year"]),
  rate: id,
  /** Annual cap group: inpatient and 门诊慢特病 usually share one cap, 普通门诊 has its own. */
  capGroup: z.enum(["main", "outpatient"]),
});

const basicLayer = z.strictObject({
  id: z.literal("basic"),
  rule: z.literal("basic-insurance"),
  sources: layerSources,
  resident: z.strictObject({
    inpatient: basicScheme,
    "outpatient-chronic": basicScheme,
    outpatient: basicScheme,
    caps: z.strictObject({ main: id, outpatient: id }),
  }),
  employee: z.strictObject({
    inpatient: basicScheme,
    "outpatient-chronic": basicScheme,
    outpatient: basicScheme,
    caps: z.strictObject({ main: id, outpatient: id }),
  }),
  /** Category tilts, most protective first; one applies (就高不重复). */
  tilts: z
    .array(
      z.strictObject({
        categories,
        insurance: z.array(z.enum(INSURANCES)).default(["resident"]),
        ratePoints: id.optional(),
        deductibleFactor: id.optional(),
        /** Tilt only inside the region or after a referral. */
        requiresReferralOutOfRegion: z.boolean().default(false),
        /** The kinds of care the tilt is written for (鹿寨: 住院 only); absent = every kind. */
        kinds: z.array(z.enum(EPISODE_KINDS)).min(1).optional(),
        sources: layerSources,
      }),
    )
    .default([]),
  outOfRegion: z.strictObject({ referredPoints: id, unreferredPoints: id, sources: layerSources }),
});

const criticalLayer = z.strictObject({
  id: z.literal("critical"),
  rule: z.literal("critical-illness"),
  sources: layerSources,
  /** Insurance types this layer is computed for; others get paid 0 with an assumption. */
  insurance: z.array(z.enum(INSURANCES)).min(1),
  threshold: id,
  bands: id,
  /** Absent = no annual cap (不设最高支付限额). */
  cap: id.optional(),
  tilts: z
    .array(
      z.strictObject({
        categories,
        thresholdFactor: id.optional(),
        ratePoints: id.optional(),
        rateMin: id.optional(),
        removeCap: z.boolean().default(false),
        sources: layerSources,
      }),
    )
    .default([]),
});

const assistanceScheme = z.strictObject({
  id,
  categories,
  threshold: id,
  ratio: id,
  limit: id.optional(),
  sources: layerSources,
});

const assistanceLayer = z.strictObject({
  id: z.enum(["assistance", "tilted"]),
  rule: z.enum(["medical-assistance", "tilted-assistance"]),
  sources: layerSources,
  /** Most protective first; the first scheme matching one of the person's categories applies. */
  schemes: z.array(assistanceScheme).min(1),
});

const waiverLayer = z.strictObject({
  id: z.literal("waiver"),
  rule: z.literal("facility-split"),
  sources: layerSources,
  categories,
  facility: z.array(z.enum(FACILITIES)).min(1),
  kinds: z.array(z.enum(EPISODE_KINDS)).min(1),
  inRegionOnly: z.boolean(),
  share: id,
});

const guaranteeBackstop = z.strictObject({
  id: z.literal("backstop"),
  rule: z.literal("guarantee-ratio"),
  sources: layerSources,
  categories,
  kinds: z.array(z.enum(EPISODE_KINDS)).min(1),
  /** Share of the total bill the family must not exceed: pays total × ratio − already reimbursed. */
  ratio: id,
  /** Where a facility-split waiver applies, the backstop pays this share of the same remainder instead. */
  splitFacility: z.array(z.enum(FACILITIES)).default([]),
  splitShare: id.optional(),
});

const annualExcessBackstop = z.strictObject({
  id: z.literal("backstop"),
  rule: z.literal("annual-excess"),
  sources: layerSources,
  /** Whether 自费 counts in the year's reasonable personal cost. */
  includeSelfFunded: id,
  schemes: z
    .array(
      z.strictObject({
        id,
        categories,
        /** Yearly standard the family bears first; absent = full 兜底. */
        standard: id.optional(),
        /**
         * Costs count only from the date the certification began (浙江 001 二(三):
         * 新增的持证对象自持证之日起计算), read from person.certifiedOn.
         */
        countsFromCertification: z.strictObject({ sources: z.array(id).min(1) }).optional(),
        /** The standard applies to the family's reasonable personal costs together (低保 / 低边 家庭), not one person's. */
        family: z.boolean().default(false),
        sources: layerSources,
      }),
    )
    .min(1),
});

const layerSchema = z.union([basicLayer, criticalLayer, assistanceLayer, waiverLayer, guaranteeBackstop, annualExcessBackstop]);

const exclusionSchema = z.strictObject({
  reason: z.enum(EXCLUSION_REASONS),
  when: condition,
  blocks: z.array(z.enum(LAYER_IDS)).min(1),
  sources: z.array(id).min(1),
});

const referralSchema = z.strictObject({
  programme: z.enum(PROGRAMMES),
  /** Locale key under pack.<id>.referral.<text>. */
  text: id,
  /** Where the programme is named (documentation; the explanation text cites it in words). */
  sources: z.array(id).default([]),
  when: z
    .strictObject({
      categoriesAny: z.array(z.enum(CATEGORIES)).optional(),
      categoriesNone: z.array(z.enum(CATEGORIES)).optional(),
      insurance: z.array(z.enum(INSURANCES)).optional(),
      episodeAny: condition.optional(),
      /** Only when the family is still left to pay something. */
      personalPositive: z.boolean().optional(),
    })
    .default({}),
});

/** Insurance schemes in a 医保 settlement extract: 居民, 职工 (in work), 企退 (enterprise retirees, 职工医保 too). */
export const MONITORING_SCHEMES = ["resident", "employee", "retiree"] as const;
/** What a monitoring rule adds up: the calendar year to date, one settlement, or the 12 months up to the period's end. */
export const MONITORING_MEASURES = ["year-personal", "stay-personal", "rolling-12-personal"] as const;

/**
 * A monitoring rule (政策找人): who it watches, what it measures against which
 * threshold parameter, and who counts as already helped. Read through
 * lib/policy/monitoring-rules.ts; rules are listed most protective first and
 * a person is flagged under the first rule whose population they are in.
 */
const monitoringRule = z.strictObject({
  id,
  population: z.strictObject({
    categoriesAny: z.array(z.enum(CATEGORIES)).min(1).optional(),
    schemes: z.array(z.enum(MONITORING_SCHEMES)).min(1).optional(),
  }),
  measure: z.enum(MONITORING_MEASURES),
  /** A CNY or CNY/year parameter of the pack. */
  threshold: id,
  /** The clause(s) the rule comes from. A person is flagged when the amount is strictly above the threshold (超过). */
  sources: z.array(id).min(1),
  helped: z
    .array(
      z.strictObject({
        id,
        categoriesAny: z.array(z.enum(CATEGORIES)).min(1).optional(),
        /** Already paid by 医疗救助 in the period's settlements. */
        assistancePaid: z.boolean().optional(),
        /** "exclude": not flagged; "mark": flagged and marked as already helped. */
        treatment: z.enum(["exclude", "mark"]),
        sources: layerSources,
      }),
    )
    .default([]),
  from: isoDate.optional(),
  to: isoDate.nullable().optional(),
});

export const packSchema = z.strictObject({
  id,
  /** Marks a historical pack whose rules are no longer applied (a caveat goes into assumptions). */
  historic: z.boolean().default(false),
  versions: z
    .array(z.strictObject({ id: z.string().min(1), from: isoDate, to: isoDate.nullable() }))
    .min(1),
  documents: z.record(
    id,
    z.strictObject({
      file: z.string().optional(),
      number: z.string().optional(),
      url: z.string().optional(),
      year: z.number().int().optional(),
      reliability: z.enum(RELIABILITIES),
    }),
  ),
  sources: z.record(id, z.strictObject({ document: id, reliability: z.enum(RELIABILITIES), quote: z.boolean().default(false) })),
  parameters: z.record(id, paramSchema),
  layers: z.array(layerSchema).min(1),
  exclusions: z.array(exclusionSchema).default([]),
  referrals: z.array(referralSchema).default([]),
  /** Who the pack is written for; a person outside it gets the note pack.<id>.note.<note> under assumptions. */
  target: z.strictObject({ categoriesAny: z.array(z.enum(CATEGORIES)).min(1), note: id, sources: z.array(id).default([]) }).optional(),
  /** 政策找人 monitoring rules (see monitoringRule). */
  monitoring: z.array(monitoringRule).default([]),
  /** Pack-level caveats (locale keys under pack.<id>.note.<key>) always listed under assumptions. */
  notes: z.array(id).default([]),
  temporaryRelief: z
    .strictObject({ dibaoMonthly: id.optional(), monthsMax: id.optional(), emergencyMonthsMin: id.optional() })
    .default({}),
  procedure: z
    .strictObject({
      /** 受理: from submission to the 乡镇(街道) accepting the case. */
      acceptance: id.optional(),
      publicity: id.optional(),
      review: id.optional(),
      approval: id.optional(),
      payment: id.optional(),
      total: id.optional(),
      /** Default 补正 period offered to staff (the applicant's date to hand in what is missing). */
      correctionDue: id.optional(),
      /** Default period for the documents owed after 急难型 先行救助. */
      emergencyDocumentsDue: id.optional(),
      /** 政策找人: working days for the 走访核查 a flag asks for. */
      monitoringVisit: id.optional(),
    })
    .default({}),
  /**
   * The 集中参保期 of 城乡居民医保 as schools run it (lib/schools/season.ts): parameter ids for when it
   * opens and closes each autumn, how long late payment is still accepted, what a lapse costs
   * (waiting periods), the reward for continuous enrolment, and the school's own list deadline.
   */
  enrolmentSeason: z
    .strictObject({
      opensMonth: id,
      opensDay: id,
      closesMonth: id,
      closesDay: id,
      /** Payment accepted until the end of this month of the cover year, with cover from the payment date. */
      latePaymentUntilMonth: id.optional(),
      waitingFixedMonths: id.optional(),
      waitingMonthsPerLapsedYear: id.optional(),
      rewardAfterContinuousYears: id.optional(),
      rewardCriticalCapRise: id.optional(),
      /** Schools hand in their lists this many working days before the season closes. */
      schoolListDueWorkingDays: id.optional(),
    })
    .optional(),
  /**
   * 资助参保 by tier (lib/schools/funding-tiers.ts): the yearly personal contribution of 城乡居民医保, and for each
   * tier of the area's funding list the words lists use for it and what it funds: a share of the contribution
   * (1 = all of it) or a fixed amount. A list row naming no tier here is refused at import.
   */
  enrolmentFunding: z
    .strictObject({
      personalContribution: id,
      tiers: z
        .array(
          z.strictObject({
            id,
            /** Tier words as 民政 / 医保 lists write them (matched after NFKC and trimming); never shown to anyone. */
            names: z.array(z.string().min(1)).min(1),
            share: id.optional(),
            amount: id.optional(),
          }),
        )
        .min(1),
    })
    .optional(),
});

export type PackDef = z.infer<typeof packSchema>;
export type ParamDef = z.infer<typeof paramSchema>;
export type ParamValue = z.infer<typeof paramValueSchema>;
export type LayerDef = z.infer<typeof layerSchema>;
export type BasicLayerDef = z.infer<typeof basicLayer>;
export type CriticalLayerDef = z.infer<typeof criticalLayer>;
export type AssistanceLayerDef = z.infer<typeof assistanceLayer>;
export type WaiverLayerDef = z.infer<typeof waiverLayer>;
export type GuaranteeBackstopDef = z.infer<typeof guaranteeBackstop>;
export type AnnualExcessBackstopDef = z.infer<typeof annualExcessBackstop>;
export type ExclusionDef = z.infer<typeof exclusionSchema>;
export type ReferralDef = z.infer<typeof referralSchema>;
export type ConditionDef = z.infer<typeof condition>;
export type MonitoringRuleDef = z.infer<typeof monitoringRule>;
