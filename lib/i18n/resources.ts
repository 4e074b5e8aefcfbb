import type { Locale } from "./settings";
import commonHans from "@/locales/zh-Hans/common.json";
import authHans from "@/locales/zh-Hans/auth.json";
import staffHans from "@/locales/zh-Hans/staff.json";
import commonHant from "@/locales/zh-Hant/common.json";
import authHant from "@/locales/zh-Hant/auth.json";
import staffHant from "@/locales/zh-Hant/staff.json";

// The UI's namespaces; the calculation module renders its own texts from locales/<lng>/policy.json.
export const uiResources = {
  "zh-Hans": { common: commonHans, auth: authHans, staff: staffHans },
  "zh-Hant": { common: commonHant, auth: authHant, staff: staffHant },
} satisfies Record<Locale, Record<string, unknown>>;

export type UiNamespace = keyof (typeof uiResources)["zh-Hans"];
