import { encryptField } from "@/lib/crypto/field-encryption";
import { hashPhone } from "@/lib/crypto/lookup-hash";
import type { ServiceContext } from "@/lib/applications/service";
import { toStaffSession } from "@/lib/auth/staff";
import { saveDraftSection, setDocumentsToFollow } from "@/lib/applications/service";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { idNumberCheckCharacter } from "@/lib/identity/id-number";

export const idNumber = (first17: string) => first17 + idNumberCheckCharacter(first17);
export const PARENT_ID = idNumber("45022319850312002");
export const CHILD_ID = idNumber("45022320150601003");

/** Two areas, their staff (as their sessions carry them), two citizens. */
export async function seedPeople(db: PrismaClient) {
  await db.area.create({ data: { code: "450223", nameZhHans: "鹿寨县", nameZhHant: "鹿寨縣", policyPackId: "luzhai-2018" } });
  await db.area.create({ data: { code: "210100", nameZhHans: "沈阳市", nameZhHant: "瀋陽市", policyPackId: "shenyang-2023" } });
  const staff = async (username: string, role: "desk" | "caseworker" | "approver" | "admin" | "school_admin", areaCode: string | null) =>
    toStaffSession(await db.staffUser.create({ data: { username, role, areaCode, passwordHash: "x", displayName: username } }));
  const citizen = async (phone: string) =>
    db.citizen.create({ data: { phoneHash: hashPhone(phone), phoneEncrypted: encryptField(phone), displayName: phone } });
  return {
    desk: await staff("desk01", "desk", "450223"),
    case1: await staff("case01", "caseworker", "450223"),
    case1b: await staff("case01b", "caseworker", "450223"),
    case2: await staff("case02", "caseworker", "210100"),
    approver: await staff("approver01", "approver", "450223"),
    admin: await staff("admin01", "admin", null),
    citizenA: await citizen("13800000001"),
    citizenB: await citizen("13800000002"),
  };
}

/** Fill every section of a citizen's draft (a parent applying for a child). */
export async function completeDraft(ctx: ServiceContext, citizenId: string, opts: { reliefType?: "urgent" | "expense" } = {}) {
  const sections: [Parameters<typeof saveDraftSection>[2], Record<string, unknown>][] = [
    ["applicant", { name: "测试家长", idNumber: PARENT_ID, phone: "13800000001", areaCode: "450223", address: "鹿寨县某路 1 号" }],
    ["patient", { relationship: "child", name: "测试孩子", idNumber: CHILD_ID }],
    ["household", { size: "3", monthlyIncome: "2,000", certifications: ["dibao"] }],
    ["illness", { diagnosis: "急性白血病", hospital: "柳州市人民医院", totalCost: "80000", reimbursed: "50000.5" }],
    ["reason", { reliefType: opts.reliefType ?? "expense", urgency: "this-week", description: "住院费用远超家庭承受能力" }],
    ["bank", { accountName: "测试家长", bankName: "农业银行", account: "6228 4800 0000 0000 000" }],
    ["declarations", { truthful: "on", consentSensitive: "on", consentCheck: "on" }],
  ];
  for (const [section, input] of sections) {
    const r = await saveDraftSection(ctx, citizenId, section, input);
    if (!r.ok) throw new Error(`${section}: ${JSON.stringify(r.errors)}`);
  }
  await setDocumentsToFollow(ctx, citizenId, ["applicant-id", "household-register", "patient-id", "relationship-proof", "diagnosis", "bills", "certification"]);
}
