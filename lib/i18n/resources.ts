import type { Locale } from "@/lib/i18n/settings";
import applyHans from "@/locales/zh-Hans/apply.json";
import authHans from "@/locales/zh-Hans/auth.json";
import commonHans from "@/locales/zh-Hans/common.json";
import consoleHans from "@/locales/zh-Hans/console.json";
import deskHans from "@/locales/zh-Hans/desk.json";
import eligibilityHans from "@/locales/zh-Hans/eligibility.json";
import errorsHans from "@/locales/zh-Hans/errors.json";
import estimateHans from "@/locales/zh-Hans/estimate.json";
import handoverHans from "@/locales/zh-Hans/handover.json";
import schoolHans from "@/locales/zh-Hans/school.json";
import staffHans from "@/locales/zh-Hans/staff.json";
import zhuanbanHans from "@/locales/zh-Hans/zhuanban.json";
import applyHant from "@/locales/zh-Hant/apply.json";
import authHant from "@/locales/zh-Hant/auth.json";
import commonHant from "@/locales/zh-Hant/common.json";
import consoleHant from "@/locales/zh-Hant/console.json";
import deskHant from "@/locales/zh-Hant/desk.json";
import eligibilityHant from "@/locales/zh-Hant/eligibility.json";
import errorsHant from "@/locales/zh-Hant/errors.json";
import estimateHant from "@/locales/zh-Hant/estimate.json";
import handoverHant from "@/locales/zh-Hant/handover.json";
import schoolHant from "@/locales/zh-Hant/school.json";
import staffHant from "@/locales/zh-Hant/staff.json";
import zhuanbanHant from "@/locales/zh-Hant/zhuanban.json";

// The UI's namespaces; the calculation module renders its own texts from locales/<lng>/policy.json.
export const uiResources = {
  "zh-Hans": {
    common: commonHans,
    auth: authHans,
    staff: staffHans,
    eligibility: eligibilityHans,
    estimate: estimateHans,
    apply: applyHans,
    console: consoleHans,
    desk: deskHans,
    errors: errorsHans,
    school: schoolHans,
    zhuanban: zhuanbanHans,
    handover: handoverHans,
  },
  "zh-Hant": {
    common: commonHant,
    auth: authHant,
    staff: staffHant,
    eligibility: eligibilityHant,
    estimate: estimateHant,
    apply: applyHant,
    console: consoleHant,
    desk: deskHant,
    errors: errorsHant,
    school: schoolHant,
    zhuanban: zhuanbanHant,
    handover: handoverHant,
  },
} satisfies Record<Locale, Record<string, unknown>>;

export type UiNamespace = keyof (typeof uiResources)["zh-Hans"];
