import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/settings";

/** The page frame's own words (back, the preference capsule), which a page passes to PageFrame. */
export type FrameTexts = {
  /** The site's name, after the page's own title in the document title. */
  appName: string;
  back: string;
  switchLanguage: string;
  switchLanguageLabel: string;
  largeTextOn: string;
  largeTextOnLabel: string;
  largeTextOff: string;
  largeTextOffLabel: string;
};

export function frameTexts(lng: Locale): FrameTexts {
  const t = getT(lng);
  const toHans = lng !== "zh-Hans";
  return {
    appName: t("app.name"),
    back: t("nav.back"),
    switchLanguage: toHans ? t("prefs.switchToHans") : t("prefs.switchToHant"),
    switchLanguageLabel: toHans ? t("prefs.switchLanguageLabelHans") : t("prefs.switchLanguageLabel"),
    largeTextOn: t("prefs.largeTextOn"),
    largeTextOnLabel: t("prefs.largeTextOnLabel"),
    largeTextOff: t("prefs.largeTextOff"),
    largeTextOffLabel: t("prefs.largeTextOffLabel"),
  };
}
