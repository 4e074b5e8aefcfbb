import { z } from "zod";
import { MONEY_PATTERN } from "./money";
import { CATEGORIES, CAUSES, EPISODE_KINDS, FACILITIES, INSURANCES, LAYER_IDS, LOCALES } from "./types";

/**
 * The request of the contract, strict: unknown fields are rejected. Custom
 * messages are message keys ("@…") that errors.ts turns into sentences in the
 * request's locale; zod's own English never reaches the caller.
 */

export const MAX_EPISODES = 100;
export const MAX_AGE = 130;

const money = z.string().regex(MONEY_PATTERN, { error: "@money" });
const positiveMoney = money.refine((s) => !/^0(\.0{1,2})?$/.test(s), { error: "@totalPositive" });

function isCalendarDate(s: string): boolean {
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

const settledShape: Record<string, typeof money> = {};
for (const id of LAYER_IDS) settledShape[id] = money;

export const episodeSchema = z.strictObject({
  kind: z.enum(EPISODE_KINDS),
  facility: z.enum(FACILITIES),
  inRegion: z.boolean().optional(),
  referred: z.boolean().optional(),
  designated: z.boolean().optional(),
  emergency: z.boolean().optional(),
  cause: z.enum(CAUSES).optional(),
  total: positiveMoney,
  selfFunded: money.optional(),
  settled: z.strictObject(settledShape).partial().optional(),
});

export const requestSchema = z.strictObject({
  policy: z.string().min(1, { error: "@policyEmpty" }),
  serviceDate: z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isCalendarDate(s), { error: "@date" }),
  locale: z.enum(LOCALES).optional(),
  person: z.strictObject({
    insurance: z.enum(INSURANCES),
    categories: z.array(z.enum(CATEGORIES)).max(CATEGORIES.length * 2).optional(),
    age: z.int().min(0).max(MAX_AGE).optional(),
  }),
  episodes: z.array(episodeSchema).min(1).max(MAX_EPISODES),
});

export type ParsedRequest = z.infer<typeof requestSchema>;
export type ParsedEpisode = z.infer<typeof episodeSchema>;
