import type { Db } from "@/lib/db/client";

/** The areas (counties / cities) applications are made to, each tied to a policy pack. */
export type Area = { code: string; nameZhHans: string; nameZhHant: string; policyPackId: string };

export async function listAreas(db: Db): Promise<Area[]> {
  return db.area.findMany({ orderBy: { code: "asc" } });
}

export async function findArea(db: Db, code: string | null | undefined): Promise<Area | null> {
  return code ? db.area.findUnique({ where: { code } }) : null;
}
