import { cache } from "react";
import { createInstance, type TFunction } from "i18next";
import { uiResources, type UiNamespace } from "@/lib/i18n/resources";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/settings";

// A fresh i18next instance per request (cached for the request by React), so concurrent requests never share a language.
const instanceFor = cache((lng: Locale) => {
  const instance = createInstance();
  void instance.init({
    lng,
    fallbackLng: false,
    resources: uiResources,
    ns: Object.keys(uiResources[lng]),
    defaultNS: "common",
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
});

export function getT(lng: string, ns: UiNamespace = "common"): TFunction {
  const locale = isLocale(lng) ? lng : defaultLocale;
  return instanceFor(locale).getFixedT(locale, ns);
}
