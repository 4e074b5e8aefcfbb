import type { PrismaClient } from "@/lib/generated/prisma/client";
import { accessRefusal, reachOf, type Actor } from "@/lib/auth/access";
import { decryptField } from "@/lib/crypto/field-encryption";
import { recordAudit } from "@/lib/db/audit";
import { helpChainFor, helpChainView, type HelpChainView } from "@/lib/people/help-chain";
import { personCard, type PersonCard } from "@/lib/people/persons";
import { fenString } from "@/lib/monitoring/fen";
import { readFlagCard, type FlagCard } from "@/lib/monitoring/service";
import type { Certification } from "@/lib/monitoring/screen";
import { pageWindow, type Paged } from "@/lib/paging/page";

/**
 * What the area's caseworkers and approvers see: the flag queue and a household's help chain.
 * Access through lib/auth/access.ts (reach "area"; an admin reaches every area); every household
 * view is audited. Values leave here masked; amounts as yuan strings.
 */

type Db = PrismaClient;


export const FLAG_STATES = ["open", "visit", "invited", "helped", "dismissed"] as const;
export type FlagState = (typeof FLAG_STATES)[number];

export interface FlagView {
  id: string;
  areaCode: string;
  householdId: string | null;
  packId: string;
  ruleId: string;
  state: FlagState;
  periodFrom: string;
  periodTo: string;
  person: PersonCard;
  amount: string;
  threshold: string;
  excess: string;
  card: FlagCard;
  members: { person: PersonCard | null; personal: string }[];
  layers: Record<keyof FlagCard["layers"], string>;
  dismissReason: string | null;
  visitDue: string | null;
}

function areaWhere(actor: Actor): { areaCode?: string } | null {
  const reach = reachOf(actor);
  if (reach.scope === "all-areas") return {};
  if (reach.scope === "area") return { areaCode: reach.areaCode };
  return null;
}

async function toViews(db: Db, rows: Awaited<ReturnType<Db["monitoringFlag"]["findMany"]>>): Promise<FlagView[]> {
  const cards = rows.map((r) => readFlagCard(r.cardEncrypted));
  const personIds = [...new Set(rows.map((r) => r.personId))];
  const hashes = [...new Set(cards.flatMap((c) => c.members.map((m) => m.idNumberHash)))];
  const people = await db.person.findMany({ where: { OR: [{ id: { in: personIds } }, { idNumberHash: { in: hashes } }] } });
  const byId = new Map(people.map((p) => [p.id, p]));
  const byHash = new Map(people.filter((p) => p.idNumberHash).map((p) => [p.idNumberHash!, p]));
  return rows.map((r, i) => {
    const card = cards[i];
    return {
      id: r.id,
      areaCode: r.areaCode,
      householdId: r.householdId,
      packId: r.packId,
      ruleId: r.ruleId,
      state: r.state as FlagState,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      person: personCard(byId.get(r.personId)!),
      amount: fenString(card.amount),
      threshold: fenString(card.threshold),
      excess: fenString(card.amount - card.threshold),
      card,
      members: card.members.map((m) => {
        const p = byHash.get(m.idNumberHash);
        return { person: p ? personCard(p) : null, personal: fenString(m.personal) };
      }),
      layers: {
        total: fenString(card.layers.total),
        basic: fenString(card.layers.basic),
        critical: fenString(card.layers.critical),
        assistance: fenString(card.layers.assistance),
        personal: fenString(card.layers.personal),
      },
      dismissReason: r.dismissReason,
      visitDue: r.visitDue,
    };
  });
}

/**
 * One page of the actor's area's queue (newest first; `id` breaks ties so pages never overlap or
 * skip a flag); null for an actor who reaches no area.
 */
export async function listFlags(
  db: Db,
  actor: Actor,
  filter: { state?: FlagState | null; page?: number; pageSize?: number } = {},
): Promise<Paged<FlagView> | null> {
  const where = areaWhere(actor);
  if (!where) return null;
  const rowsWhere = { ...where, ...(filter.state ? { state: filter.state } : {}) };
  const window = pageWindow(await db.monitoringFlag.count({ where: rowsWhere }), filter.page ?? 1, filter.pageSize);
  const rows = await db.monitoringFlag.findMany({
    where: rowsWhere,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: window.skip,
    take: window.take,
  });
  return { ...window, items: await toViews(db, rows) };
}

export interface HouseholdView {
  id: string;
  areaCode: string;
  registryKey: string | null;
  members: (PersonCard & { relation: string | null })[];
  certifications: Certification[];
  flags: FlagView[];
  chain: HelpChainView | null;
}

/**
 * A household's help chain (一户一条帮扶链) for staff of its area; null when not found or not
 * theirs (the same answer). The view is audited.
 */
export async function householdView(db: Db, actor: Actor, householdId: string, now: Date): Promise<HouseholdView | null> {
  const household = await db.household.findUnique({
    where: { id: householdId },
    include: { members: { include: { person: true } } },
  });
  if (!household || accessRefusal(actor, { areaCode: household.areaCode }) !== null) return null;
  const certs = await db.monitoringCertification.findMany({ where: { householdId, batch: { state: "committed" } } });
  const flags = await db.monitoringFlag.findMany({ where: { householdId }, orderBy: { createdAt: "asc" } });
  const chain = await helpChainFor(db, householdId);
  await recordAudit(db, { actorType: "staff", actorId: actor.id, action: "monitoring.household.view", target: householdId, at: now });
  return {
    id: household.id,
    areaCode: household.areaCode,
    registryKey: household.registryKey,
    members: household.members.map((m) => ({ ...personCard(m.person), relation: m.relation })),
    certifications: certs.map((c) => JSON.parse(decryptField(c.detailEncrypted)) as Certification),
    flags: await toViews(db, flags),
    chain: await helpChainView(db, chain.id),
  };
}

/**
 * 结果一张表: the household's chain as one table (CSV rows, first row the headers), members masked.
 * `label` turns a key under staff:monitoring into the page's script.
 */
export function householdTable(
  view: HouseholdView,
  backstops: { year: number; amount: string; state: string }[],
  label: (key: string, vars?: Record<string, string>) => string,
  ruleName: (packId: string, ruleId: string) => string,
): string[][] {
  const rows: string[][] = [[label("export.section"), label("export.what"), label("export.state"), label("export.amount"), label("export.date")]];
  for (const m of view.members) rows.push([label("household.members"), `${m.nameMasked ?? ""} ${m.idNumberMasked ?? ""}`.trim(), m.relation ?? "", "", ""]);
  for (const c of view.certifications) rows.push([label("household.certifications"), label(`category.${c.category}`), c.to ? `${c.from} – ${c.to}` : c.from, "", c.from]);
  for (const f of view.flags) rows.push([label("household.flags"), `${f.person.nameMasked ?? ""} ${ruleName(f.packId, f.ruleId)}`, label(`state.${f.state}`), f.amount, f.periodTo]);
  for (const b of backstops) rows.push([label("backstop.heading"), String(b.year), label(`backstop.state.${b.state}`), b.amount, ""]);
  for (const l of view.chain?.links ?? []) rows.push([label("household.chain"), label(`link.kind.${l.kind}`), label(`link.state.${l.state}`), l.amount ?? "", l.createdAt.toISOString().slice(0, 10)]);
  return rows;
}
