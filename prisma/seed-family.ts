import type { PrismaClient } from "@/lib/generated/prisma/client";
import { formatReference } from "@/lib/applications/reference";
import { encryptField } from "@/lib/crypto/field-encryption";
import { hashPhone } from "@/lib/crypto/lookup-hash";

/** The demo's family viewer (README): signs in with this phone and finds 演示用户甲's application under 我的. */
export const DEMO_FAMILY_VIEWER = { phone: "13800000004", reference: formatReference({ areaCode: "450223", year: 2026, sequence: 2 }) };

/**
 * 与家人共享进度 demo data: 13800000001 shares LZ2026-000002 (in 公示, with a proposed amount the viewer must not
 * see) with 13800000004. Idempotent (a fixed id; an earlier removal is undone).
 */
export async function seedFamilyViewer(db: PrismaClient, at: Date = new Date("2026-11-18T10:00:00+08:00")): Promise<void> {
  const application = await db.application.findUniqueOrThrow({ where: { reference: DEMO_FAMILY_VIEWER.reference }, select: { id: true } });
  const id = "seed-family-viewer-1";
  const row = { applicationId: application.id, phoneHash: hashPhone(DEMO_FAMILY_VIEWER.phone), phoneEncrypted: encryptField(DEMO_FAMILY_VIEWER.phone), addedAt: at, removedAt: null };
  await db.applicationViewer.upsert({ where: { id }, create: { id, ...row }, update: row });
}
