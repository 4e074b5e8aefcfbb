import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * 一户一条帮扶链 (浙江 001 三(二); 沈阳 000 六's 专班): one chain per household holding every piece of
 * help, whichever service started it — an application, a school 专班 case, a desk session, a
 * monitoring flag, a payment, a referral. Each service keeps its own record and adds a link here, so
 * the household page reads one list instead of asking every service.
 */

type Db = PrismaClient | Prisma.TransactionClient;

export const HELP_LINK_KINDS = ["application", "school-case", "desk-session", "monitoring-flag", "payment", "referral", "education-aid"] as const;
export type HelpLinkKind = (typeof HELP_LINK_KINDS)[number];

/** Who provides the help (the seed's list of responsible bodies). */
export const HELP_PROVIDERS = [
  "medical-insurance", // 医保
  "civil-affairs", // 民政
  "education", // 教育
  "health", // 卫健
  "trade-union", // 总工会
  "red-cross", // 红十字会
  "charity", // 慈善总会
  "emergency-fund", // 疾病应急救助
] as const;
export type HelpProvider = (typeof HELP_PROVIDERS)[number];

export const HELP_LINK_STATES = ["not-started", "referred", "applied", "granted", "declined"] as const;
export type HelpLinkState = (typeof HELP_LINK_STATES)[number];

const amount = z.string().regex(/^\d{1,9}(\.\d{1,2})?$/);

export const helpLinkSchema = z.object({
  kind: z.enum(HELP_LINK_KINDS),
  provider: z.enum(HELP_PROVIDERS).nullable().default(null),
  refId: z.string().min(1).max(64).nullable().default(null),
  personId: z.string().min(1).max(40).nullable().default(null),
  state: z.enum(HELP_LINK_STATES).default("not-started"),
  amount: amount.nullable().default(null),
  note: z.string().max(500).nullable().default(null),
});
export type HelpLinkInput = z.input<typeof helpLinkSchema>;

export const helpLinkPatchSchema = z.object({
  state: z.enum(HELP_LINK_STATES).optional(),
  amount: amount.nullable().optional(),
  note: z.string().max(500).nullable().optional(),
});
export type HelpLinkPatch = z.input<typeof helpLinkPatchSchema>;

/**
 * The person's household in this area: the one a registry put them in, or else a household of one,
 * created now. (A registry import later adds the rest of the family to it or moves the person.)
 */
export async function householdOf(db: Db, input: { personId: string; areaCode: string }): Promise<{ id: string; areaCode: string }> {
  const membership = await db.householdMember.findFirst({
    where: { personId: input.personId, household: { areaCode: input.areaCode } },
    select: { household: { select: { id: true, areaCode: true } } },
    orderBy: { household: { createdAt: "asc" } },
  });
  if (membership) return membership.household;
  return db.household.create({
    data: { areaCode: input.areaCode, members: { create: { personId: input.personId } } },
    select: { id: true, areaCode: true },
  });
}

/** The household's chain, created on first use. */
export async function helpChainFor(db: Db, householdId: string): Promise<{ id: string; areaCode: string }> {
  const household = await db.household.findUniqueOrThrow({ where: { id: householdId }, select: { areaCode: true } });
  return db.helpChain.upsert({
    where: { householdId },
    create: { householdId, areaCode: household.areaCode },
    update: {},
    select: { id: true, areaCode: true },
  });
}

/**
 * Add a link; a link for the same record of the same kind (kind + refId) is updated instead, so a
 * service can call this again after a retry without doubling the chain.
 */
export async function addHelpLink(db: Db, chainId: string, input: HelpLinkInput): Promise<{ id: string }> {
  const link = helpLinkSchema.parse(input);
  if (link.refId) {
    return db.helpLink.upsert({
      where: { kind_refId: { kind: link.kind, refId: link.refId } },
      create: { chainId, ...link },
      update: { state: link.state, amount: link.amount, note: link.note, provider: link.provider },
      select: { id: true },
    });
  }
  return db.helpLink.create({ data: { chainId, ...link }, select: { id: true } });
}

export async function updateHelpLink(db: Db, id: string, patch: HelpLinkPatch): Promise<void> {
  const data = helpLinkPatchSchema.parse(patch);
  await db.helpLink.update({ where: { id }, data });
}

export interface HelpChainView {
  id: string;
  areaCode: string;
  householdId: string;
  memberIds: string[];
  links: Array<{
    id: string;
    kind: HelpLinkKind;
    provider: HelpProvider | null;
    refId: string | null;
    personId: string | null;
    state: HelpLinkState;
    amount: string | null;
    note: string | null;
    createdAt: Date;
    updatedAt: Date;
  }>;
}

/** The chain with its links, oldest first (the household page's timeline); null if there is none. */
export async function helpChainView(db: Db, chainId: string): Promise<HelpChainView | null> {
  const chain = await db.helpChain.findUnique({
    where: { id: chainId },
    include: { links: { orderBy: { createdAt: "asc" } }, household: { select: { members: { select: { personId: true } } } } },
  });
  if (!chain) return null;
  return {
    id: chain.id,
    areaCode: chain.areaCode,
    householdId: chain.householdId,
    memberIds: chain.household.members.map((m) => m.personId),
    links: chain.links.map((l) => ({
      id: l.id,
      kind: l.kind as HelpLinkKind,
      provider: (l.provider as HelpProvider | null) ?? null,
      refId: l.refId,
      personId: l.personId,
      state: l.state as HelpLinkState,
      amount: l.amount,
      note: l.note,
      createdAt: l.createdAt,
      updatedAt: l.updatedAt,
    })),
  };
}
