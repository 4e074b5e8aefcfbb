/**
 * 政策找人 demo data for 杭州市富阳区 (330111, the 浙江 001 pack): a caseworker and an approver,
 * a generated household registry and a generated month of settlements imported as batches, so
 * the queue has flags. Idempotent: the generated files are the same bytes every run, and a batch
 * of the same file is "unchanged".
 */
import { Readable } from "node:stream";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { generatePopulation, registryCsv, settlementCsv } from "@/lib/monitoring/generate";
import { importRegistry, importSettlements } from "@/lib/monitoring/service";
import { computeBackstops, proposeBackstop } from "@/lib/monitoring/backstop";
import { DEFAULT_COLUMNS } from "@/lib/monitoring/settlement";

export const MONITORING_AREA = "330111";
export const MONITORING_STAFF = [
  { username: "case03", role: "caseworker" as const, displayName: "演示经办人丙（富阳）" },
  { username: "approver03", role: "approver" as const, displayName: "演示审批人丙（富阳）" },
];

export async function seedMonitoring(db: PrismaClient, passwordHash: string): Promise<{ flags: number; proposed: number }> {
  for (const s of MONITORING_STAFF) {
    const data = { role: s.role, areaCode: MONITORING_AREA, schoolId: null, displayName: s.displayName, passwordHash, active: true };
    await db.staffUser.upsert({ where: { username: s.username }, create: { username: s.username, ...data }, update: data });
  }
  const caseworker = await db.staffUser.findUniqueOrThrow({ where: { username: "case03" } });
  const pop = generatePopulation(2026, { people: 600, registryHouseholds: 40, year: 2026 });
  const now = new Date("2026-12-02T09:00:00+08:00");
  await importRegistry(db, { areaCode: MONITORING_AREA, actorId: caseworker.id, fileName: "富阳区困难群众名册-演示.csv", bytes: Buffer.from(registryCsv(pop)), now });
  const month = [...settlementCsv(pop, { rows: 3000, year: 2026, seed: 11, months: [11] })].join("");
  await importSettlements(db, {
    areaCode: MONITORING_AREA,
    actorId: caseworker.id,
    fileName: "医保结算明细-2026-11-演示.csv",
    input: Readable.from([Buffer.from(month)]),
    mapping: DEFAULT_COLUMNS,
    period: { from: "2026-11-01", to: "2026-11-30" },
    packId: "zhejiang-district-2024",
    now,
  });
  // 一站式给付: the year's 兜底 of certified households, one of them proposed by the caseworker for the approver.
  await computeBackstops(db, { areaCode: MONITORING_AREA, packId: "zhejiang-district-2024", year: 2026, now });
  if (!(await db.backstopProposal.findFirst({ where: { areaCode: MONITORING_AREA, state: { not: "computed" } } }))) {
    const first = await db.backstopProposal.findFirst({ where: { areaCode: MONITORING_AREA, state: "computed" }, orderBy: { amount: "desc" } });
    if (first) await proposeBackstop(db, { actor: { id: caseworker.id, role: "caseworker", areaCode: MONITORING_AREA }, id: first.id, now });
  }
  return {
    flags: await db.monitoringFlag.count({ where: { areaCode: MONITORING_AREA } }),
    proposed: await db.backstopProposal.count({ where: { areaCode: MONITORING_AREA, state: "proposed" } }),
  };
}
