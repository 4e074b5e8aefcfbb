import { type Actor, reachOf } from "@/lib/auth/access";
import { CASE_ROLES, hasRole } from "@/lib/auth/roles";
import { calendarDateInChina } from "@/lib/calendar/working-days";
import { hashName } from "@/lib/crypto/lookup-hash";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/applications/state-machine";
import { readApplicantName } from "@/lib/applications/service";
import { fromDbStatus, toDbStatus } from "@/lib/applications/status";
import { pageWindow, type Paged } from "@/lib/paging/page";

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

/** One page of an area's submitted applications (every area when `areaCode` is null), soonest deadline first. */
export async function pageOfApplicationsForArea(
  db: Db,
  areaCode: string | null,
  filter: QueueFilter = {},
  paging: { page?: number; pageSize?: number } = {},
  now = new Date(),
): Promise<Paged<ApplicationSummary>> {
  const today = calendarDateInChina(now);
  const status =
    filter.status && (APPLICATION_STATUSES as readonly string[]).includes(filter.status) && filter.status !== "draft"
      ? toDbStatus(filter.status as ApplicationStatus)
      : null;
  const where: Prisma.ApplicationWhereInput = {
    ...(areaCode ? { areaCode } : {}),
    reference: { not: null },
    status: status ?? { not: "draft" },
    ...(filter.urgent ? { reliefType: "urgent" } : {}),
    ...(filter.overdue ? { currentDueOn: { lt: today } } : {}),
    ...(filter.name?.trim() ? { applicantNameHash: hashName(filter.name) } : {}),
  };
  const window = pageWindow(await db.application.count({ where }), paging.page ?? 1, paging.pageSize);
  const rows = await db.application.findMany({
    where,
    select: summarySelect,
    // Oldest deadline first: what is due soonest is at the top (the id keeps pages from overlapping).
    orderBy: [{ currentDueOn: { sort: "asc", nulls: "last" } }, { updatedAt: "desc" }, { id: "asc" }],
    skip: window.skip,
    take: window.take,
  });
  return { ...window, items: rows.map((r) => toSummary(r, today)) };
}

/** The first `limit` applications of an area's queue. */
export async function listApplicationsForArea(
  db: Db,
  areaCode: string | null,
  limit = 50,
  filter: QueueFilter = {},
  now = new Date(),
): Promise<ApplicationSummary[]> {
  return (await pageOfApplicationsForArea(db, areaCode, filter, { pageSize: limit }, now)).items;
}

/** One page of the staff queue: the applications the actor's reach covers; null for roles that do not work on cases. */
export async function listQueueFor(
  db: Db,
  actor: Actor,
  filter: QueueFilter = {},
  paging: { page?: number; pageSize?: number } = {},
  now = new Date(),
): Promise<Paged<ApplicationSummary> | null> {
  if (actor.role === "citizen" || !hasRole(actor.role, CASE_ROLES)) return null;
  const reach = reachOf(actor);
  if (reach.scope === "all-areas") return pageOfApplicationsForArea(db, null, filter, paging, now);
  if (reach.scope === "area") return pageOfApplicationsForArea(db, reach.areaCode, filter, paging, now);
  return { ...pageWindow(0, 1, paging.pageSize), items: [] };
}
