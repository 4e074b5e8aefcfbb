import type { PrismaClient } from "@/lib/generated/prisma/client";

export type AuditActorType = "staff" | "citizen" | "system" | "anonymous";

export interface AuditEntry {
  actorType: AuditActorType;
  actorId?: string | null;
  /** Dotted verb, e.g. "staff.sign-in.success". */
  action: string;
  /** What was acted on, e.g. a username tried or an application reference. */
  target?: string | null;
  reason?: string | null;
  ip?: string | null;
  at?: Date;
}

/** Append one row to AuditLog (the table refuses UPDATE and DELETE). Works inside a transaction too. */
export async function recordAudit(db: Pick<PrismaClient, "auditLog">, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorType: entry.actorType,
      actorId: entry.actorId ?? null,
      action: entry.action,
      target: entry.target?.slice(0, 200) ?? null,
      reason: entry.reason ?? null,
      ip: entry.ip?.slice(0, 64) ?? null,
      ...(entry.at ? { at: entry.at } : {}),
    },
  });
}
