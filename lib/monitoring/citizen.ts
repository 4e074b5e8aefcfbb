import type { PrismaClient } from "@/lib/generated/prisma/client";
import { accessRefusal, reachOf, type Actor } from "@/lib/auth/access";
import { fenString, fenToYuan } from "@/lib/monitoring/fen";
import { invitationPath } from "@/lib/monitoring/flag-actions";
import { readFlagCard } from "@/lib/monitoring/service";

/**
 * "Found for you" (政策找人, the citizen's side): what the area's monitoring found for the person
 * who signed in, and what they can do, on 我的. A citizen is the person of a flag when
 *   - the person record is linked to the account (Person.citizenId: the ID number was verified in
 *     an application submitted from this account), or
 *   - the registry gave the person this account's phone (same keyed hash) and no one else in the
 *     records carries that phone and no other account holds the person: a phone a family shares
 *     says nothing about whose costs they are, so it finds nobody.
 * Only the person's own figures leave here: the card's other household members, certifications
 * and help received stay with staff. Access through lib/auth/access.ts (the owner scope).
 */

type Db = PrismaClient;

/** Flags the citizen hears about: a dismissed one was a lead that did not hold. */
const SHOWN_STATES = ["open", "visit", "invited", "helped"] as const;
export type FoundState = (typeof SHOWN_STATES)[number];

export interface FoundForYou {
  flagId: string;
  packId: string;
  state: FoundState;
  /** The person's own personal medical cost in the window, yuan. */
  amount: string;
  /** The line the rule uses, yuan; `thresholdAssumed` when the pack marks it an assumption. */
  threshold: string;
  thresholdAssumed: boolean;
  periodFrom: string;
  periodTo: string;
  dataThrough: string;
  /** When a 走访核查 is due (state "visit"). */
  visitDue: string | null;
  /** The prefilled 临时救助 application (null once helped: nothing to do). */
  applyPath: string | null;
}

/** The person records this account stands for (at most one). */
async function personOfCitizen(db: Db, citizenId: string): Promise<{ id: string; ownerId: string } | null> {
  const linked = await db.person.findUnique({ where: { citizenId }, select: { id: true } });
  if (linked) return { id: linked.id, ownerId: citizenId };
  const citizen = await db.citizen.findUnique({ where: { id: citizenId }, select: { phoneHash: true } });
  if (!citizen) return null;
  const sharing = await db.person.findMany({ where: { phoneHash: citizen.phoneHash }, select: { id: true, citizenId: true }, take: 2 });
  // The registry's phone names this account as the person's owner.
  return sharing.length === 1 && sharing[0].citizenId === null ? { id: sharing[0].id, ownerId: citizenId } : null;
}

/** What was found for the signed-in citizen, newest first; [] for anyone else. */
export async function foundForCitizen(db: Db, actor: Actor, lng: string): Promise<FoundForYou[]> {
  const reach = reachOf(actor);
  if (reach.scope !== "owner") return [];
  const person = await personOfCitizen(db, reach.citizenId);
  if (!person || accessRefusal(actor, { ownerId: person.ownerId }) !== null) return [];
  const flags = await db.monitoringFlag.findMany({
    where: { personId: person.id, state: { in: [...SHOWN_STATES] }, batch: { state: "committed" } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return flags.map((f) => {
      const card = readFlagCard(f.cardEncrypted);
      const state = f.state as FoundState;
      return {
        flagId: f.id,
        packId: f.packId,
        state,
        amount: fenString(card.amount),
        threshold: fenString(card.threshold),
        thresholdAssumed: card.thresholdAssumed,
        periodFrom: f.periodFrom,
        periodTo: f.periodTo,
        dataThrough: card.dataThrough,
        visitDue: state === "visit" ? f.visitDue : null,
        applyPath: state === "helped" ? null : invitationPath(lng, f.packId, fenToYuan(card.layers.total).toFixed(2)),
      };
    });
}
