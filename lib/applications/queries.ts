import type { Db } from "@/lib/db/client";

// Read models for the lists citizens and staff see. Every query is scoped by who is asking:
// a citizen by their own id, staff by their area (admins see every area).

export type ApplicationSummary = {
  reference: string;
  status: string;
  areaCode: string;
  submittedAt: Date | null;
  updatedAt: Date;
};

const summarySelect = { reference: true, status: true, areaCode: true, submittedAt: true, updatedAt: true } as const;

export function listApplicationsForCitizen(db: Db, citizenId: string): Promise<ApplicationSummary[]> {
  return db.application.findMany({
    where: { citizenId, status: { not: "draft" } },
    select: summarySelect,
    orderBy: { updatedAt: "desc" },
  });
}

export function listApplicationsForArea(db: Db, areaCode: string | null, limit = 50): Promise<ApplicationSummary[]> {
  return db.application.findMany({
    where: { ...(areaCode ? { areaCode } : {}), status: { not: "draft" } },
    select: summarySelect,
    orderBy: { updatedAt: "desc" },
    take: limit,
  });
}
