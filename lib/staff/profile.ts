import type { Db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/settings";

export type StaffProfile = { areaName: string | null; schoolName: string | null };

/** Names of the area and school a staff account is tied to, in the page's script. */
export async function loadStaffProfile(
  db: Db,
  user: { areaCode?: string | null; schoolId?: string | null },
  lng: Locale,
): Promise<StaffProfile> {
  const [area, school] = await Promise.all([
    user.areaCode ? db.area.findUnique({ where: { code: user.areaCode } }) : null,
    user.schoolId ? db.school.findUnique({ where: { id: user.schoolId } }) : null,
  ]);
  const pick = (row: { nameZhHans: string; nameZhHant: string } | null) =>
    row ? (lng === "zh-Hant" ? row.nameZhHant : row.nameZhHans) : null;
  return { areaName: pick(area), schoolName: pick(school) };
}
