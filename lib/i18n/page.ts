import { notFound } from "next/navigation";
import { isLocale, type Locale } from "@/lib/i18n/settings";

/** Reads the `[lng]` route segment; an unknown script is a 404, not a silent fallback. */
export async function pageLocale(params: Promise<{ lng: string }>): Promise<Locale> {
  const { lng } = await params;
  if (!isLocale(lng)) notFound();
  return lng;
}
