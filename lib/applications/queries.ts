import { type Actor, reachOf } from "@/lib/auth/access";
import { CASE_ROLES, hasRole } from "@/lib/auth/roles";
import { calendarDateInChina } from "@/lib/calendar/working-days";
import { hashName } from "@/lib/crypto/lookup-hash";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/applications/state-machine";
import { readApplicantName } from "@/lib/applications/service";
import { fromDbStatus, toDbStatus } from "@/lib/applications/status";

// Read models for the lists citizens and staff see. Every query is scoped by who is asking, through
// the one access rule's reach (lib/auth/access.ts): a citizen by their own id, staff by their area
// (admins see every area). Drafts never appear.

export type ApplicationSummary = {
  id: string;
  reference: string;
  status: ApplicationStatus;
  areaCode: string | null;
  reliefType: string | null;
  /** How soon help is needed (the applicant's answer, copied to its own column at save and submit). */
  urgency: string | null;
  applicantName: string | null;
  submittedAt: Date | null;
  updatedAt: Date;
  /** Deadline of the current step (China date), and whether it has passed. */
  currentDueOn: string | null;
  /** The deadline is 暂定: counted through a year without a holiday notice. */
  currentDueProvisional: boolean;
  overdue: boolean;
};

const summarySelect = {
  id: true,
  reference: true,
  status: true,
  areaCode: true,
  reliefType: true,
  urgency: true,
  applicantName: true,
  applicantNameEncrypted: true,
  submittedAt: true,
  updatedAt: true,
  currentDueOn: true,
  currentDueProvisional: true,
} as const;

type Row = Prisma.ApplicationGetPayload<{ select: typeof summarySelect }>;

function toSummary({ applicantNameEncrypted, ...row }: Row, today: string): ApplicationSummary {
  return {
    ...row,
    applicantName: readApplicantName({ applicantNameEncrypted, applicantName: row.applicantName }),
    reference: row.reference ?? "",
    status: fromDbStatus(row.status),
    overdue: row.currentDueOn !== null && row.currentDueOn < today,
  };
}

export async function listApplicationsForCitizen(db: Db, citizenId: string, now = new Date()): Promise<ApplicationSummary[]> {
  const rows = await db.application.findMany({
    where: { citizenId, status: { not: "draft" }, reference: { not: null } },
    select: summarySelect,
    orderBy: { updatedAt: "desc" },
  });
  const today = calendarDateInChina(now);
  return rows.map((r) => toSummary(r, today));
}

/** `name`: the applicant's full name, matched exactly (by its keyed hash: names are encrypted). */
export type QueueFilter = { status?: string | null; urgent?: boolean; overdue?: boolean; name?: string | null };

export async function listApplicationsForArea(
  db: Db,
  areaCode: string | null,
  limit = 50,
  filter: QueueFilter = {},
  now = new Date(),
): Promise<ApplicationSummary[]> {
  const today = calendarDateInChina(now);
  const status =
    filter.status && (APPLICATION_STATUSES as readonly string[]).includes(filter.status) && filter.status !== "draft"
      ? toDbStatus(filter.status as ApplicationStatus)
      : null;
  const rows = await db.application.findMany({
    where: {
      ...(areaCode ? { areaCode } : {}),
      reference: { not: null },
      status: status ?? { not: "draft" },
      ...(filter.urgent ? { reliefType: "urgent" } : {}),
      ...(filter.overdue ? { currentDueOn: { lt: today } } : {}),
      ...(filter.name?.trim() ? { applicantNameHash: hashName(filter.name) } : {}),
    },
    select: summarySelect,
    // Oldest deadline first: what is due soonest is at the top.
    orderBy: [{ currentDueOn: { sort: "asc", nulls: "last" } }, { updatedAt: "desc" }],
    take: limit,
  });
  return rows.map((r) => toSummary(r, today));
}

/** The staff queue: the applications the actor's reach covers; null for roles that do not work on cases. */
export async function listQueueFor(
  db: Db,
  actor: Actor,
  limit = 100,
  filter: QueueFilter = {},
  now = new Date(),
): Promise<ApplicationSummary[] | null> {
  if (actor.role === "citizen" || !hasRole(actor.role, CASE_ROLES)) return null;
  const reach = reachOf(actor);
  if (reach.scope === "all-areas") return listApplicationsForArea(db, null, limit, filter, now);
  if (reach.scope === "area") return listApplicationsForArea(db, reach.areaCode, limit, filter, now);
  return [];
}
