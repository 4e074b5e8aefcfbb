import type { PrismaClient } from "@/lib/generated/prisma/client";
import { accessRefusal, type Actor } from "@/lib/auth/access";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { recordAudit } from "@/lib/db/audit";
import { addHelpLink, helpChainFor } from "@/lib/people/help-chain";
import { estimate } from "@/lib/policy";
import type { Category, HouseholdResult } from "@/lib/policy/types";
import { fenString } from "@/lib/monitoring/fen";
import { loadAreaLedger, loadRegistry } from "@/lib/monitoring/service";
import { categoriesOn } from "@/lib/monitoring/screen";

/**
 * 一站式给付 (浙江 001 二(三)): what the annual 兜底 owes a certified household, computed by the
 * calculation module (read-only use of lib/policy: the contract's `household` request) over the
 * year's imported settlements, then proposed by a caseworker and approved by an approver who did
 * not propose it, each step audited and on the household's help chain. The family applies for
 * nothing.
 *
 * The extract gives each settlement's fund payments; the batch keeps them per person and month,
 * so each month with costs is one bill to the module (in-region, designated, for illness): the
 * annual 兜底 is on the year's total, so how the year is cut into bills does not change it.
 */

/** Certifications the 兜底 is for (二(一) 保障对象). */
const BACKSTOP_CATEGORIES: readonly Category[] = ["tekun", "orphan", "dibao", "dibao-edge", "medical-poverty"];

export type BackstopOutcome = { ok: true } | { ok: false; code: "not-found" | "wrong-state" | "same-person" };

/** Computes (or recomputes, while not yet proposed) the year's 兜底 of each certified household of the area with costs. */
export async function computeBackstops(db: PrismaClient, input: { areaCode: string; packId: string; year: number; now: Date }): Promise<number> {
  const span = { from: `${input.year}-01-01`, to: `${input.year}-12-31` };
  const ledger = await loadAreaLedger(db, input.areaCode, span);
  const { registry } = await loadRegistry(db, input.areaCode);
  const households = await db.household.findMany({ where: { areaCode: input.areaCode, registryKey: { not: null } }, select: { id: true } });
  let written = 0;
  for (const h of households) {
    const members = registry.members(h.id);
    const certs = members.length ? (registry.person(members[0])?.certifications ?? []) : [];
    const categories = categoriesOn(certs, span.to).filter((c) => BACKSTOP_CATEGORIES.includes(c));
    if (!categories.length) continue;
    const certifiedOn: Partial<Record<Category, string>> = {};
    for (const c of certs) if (categories.includes(c.category) && (!certifiedOn[c.category] || c.from > certifiedOn[c.category]!)) certifiedOn[c.category] = c.from;
    const requestMembers = [];
    for (const key of members) {
      const p = ledger.personIndex(key);
      if (p === undefined) continue;
      const episodes = [];
      for (let m = 0; m < ledger.months; m++) {
        const total = ledger.cost("total", p, m);
        if (total <= 0) continue;
        episodes.push({
          kind: "inpatient" as const,
          facility: "county" as const,
          inRegion: true,
          referred: true,
          designated: true,
          emergency: false,
          cause: "illness" as const,
          total: fenString(total),
          settled: { basic: fenString(ledger.cost("basic", p, m)), critical: fenString(ledger.cost("critical", p, m)), assistance: fenString(ledger.cost("assistance", p, m)) },
          date: `${ledger.monthLabel(m)}-28`,
        });
      }
      if (!episodes.length) continue;
      const scheme = ledger.schemeOf(p);
      requestMembers.push({ person: { insurance: scheme === "resident" ? "resident" : "employee", categories, certifiedOn }, episodes });
    }
    if (!requestMembers.length) continue;
    const answer = estimate({ policy: input.packId, serviceDate: span.to, locale: "zh-Hans", household: { members: requestMembers } });
    if (answer.status !== 200) continue;
    const result = answer.body as HouseholdResult;
    const amount = result.layers.find((l) => l.id === "backstop")?.paid ?? "0.00";
    if (Number(amount.replace(".", "")) <= 0) continue;
    const existing = await db.backstopProposal.findUnique({ where: { householdId_packId_year: { householdId: h.id, packId: input.packId, year: input.year } } });
    if (existing && existing.state !== "computed") continue;
    const data = { amount, resultEncrypted: encryptField(JSON.stringify(result)), updatedAt: input.now };
    if (existing) await db.backstopProposal.update({ where: { id: existing.id }, data });
    else await db.backstopProposal.create({ data: { ...data, areaCode: input.areaCode, householdId: h.id, packId: input.packId, year: input.year, createdAt: input.now } });
    written++;
  }
  return written;
}

async function load(db: PrismaClient, actor: Actor, id: string) {
  const p = await db.backstopProposal.findUnique({ where: { id } });
  return p && accessRefusal(actor, { areaCode: p.areaCode }) === null ? p : null;
}

/** A caseworker reviews the computed amount and proposes it. */
export async function proposeBackstop(db: PrismaClient, input: { actor: Actor; id: string; now: Date }): Promise<BackstopOutcome> {
  const p = await load(db, input.actor, input.id);
  if (!p) return { ok: false, code: "not-found" };
  if (p.state !== "computed") return { ok: false, code: "wrong-state" };
  await db.$transaction(async (tx) => {
    await tx.backstopProposal.update({ where: { id: p.id }, data: { state: "proposed", proposedById: input.actor.id, proposedAt: input.now } });
    const chain = await helpChainFor(tx, p.householdId);
    await addHelpLink(tx, chain.id, { kind: "payment", refId: p.id, provider: "civil-affairs", state: "applied", amount: p.amount });
    await recordAudit(tx, { actorType: "staff", actorId: input.actor.id, action: "monitoring.backstop.propose", target: p.id, at: input.now });
  });
  return { ok: true };
}

/** An approver who did not propose it approves the payment. */
export async function approveBackstop(db: PrismaClient, input: { actor: Actor; id: string; now: Date }): Promise<BackstopOutcome> {
  const p = await load(db, input.actor, input.id);
  if (!p) return { ok: false, code: "not-found" };
  if (p.state !== "proposed") return { ok: false, code: "wrong-state" };
  if (p.proposedById === input.actor.id) return { ok: false, code: "same-person" };
  await db.$transaction(async (tx) => {
    await tx.backstopProposal.update({ where: { id: p.id }, data: { state: "approved", approvedById: input.actor.id, approvedAt: input.now } });
    await tx.helpLink.updateMany({ where: { kind: "payment", refId: p.id }, data: { state: "granted" } });
    await recordAudit(tx, { actorType: "staff", actorId: input.actor.id, action: "monitoring.backstop.approve", target: p.id, at: input.now });
  });
  return { ok: true };
}

export interface BackstopView {
  id: string;
  year: number;
  amount: string;
  state: string;
  /** The module's sentence for the 兜底 layer (its explanation). */
  explanation: string;
  proposedById: string | null;
}

export async function backstopsOf(db: PrismaClient, householdId: string): Promise<BackstopView[]> {
  const rows = await db.backstopProposal.findMany({ where: { householdId }, orderBy: { year: "desc" } });
  return rows.map((r) => {
    const result = JSON.parse(decryptField(r.resultEncrypted)) as HouseholdResult;
    return {
      id: r.id,
      year: r.year,
      amount: r.amount,
      state: r.state,
      explanation: result.layers.find((l) => l.id === "backstop")?.explanation ?? "",
      proposedById: r.proposedById,
    };
  });
}

/** The area's 兜底 not yet approved (links to their households), for the queue page. */
export async function pendingBackstops(db: PrismaClient, actor: Actor): Promise<{ id: string; householdId: string; year: number; amount: string; state: string }[]> {
  if (actor.role === "citizen") return [];
  const where = actor.areaCode === null ? {} : { areaCode: actor.areaCode };
  return db.backstopProposal.findMany({
    where: { ...where, state: { in: ["computed", "proposed"] } },
    orderBy: [{ state: "desc" }, { amount: "desc" }],
    select: { id: true, householdId: true, year: true, amount: true, state: true },
    take: 50,
  });
}
