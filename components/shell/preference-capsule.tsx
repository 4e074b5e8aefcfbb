"use client";

import { usePathname } from "next/navigation";
import { switchLocalePath, type Locale } from "@/lib/i18n/settings";

export type PreferenceCapsuleLabels = {
  switchLanguage: string;
  switchLanguageLabel: string;
  largeText: string;
  largeTextLabel: string;
};

/** The right-hand capsule of the top bar, like a mini-program's: script switch and 长辈版. */
export function PreferenceCapsule({
  lng,
  largeText,
  labels,
  search = "",
}: {
  lng: Locale;
  largeText: boolean;
  labels: PreferenceCapsuleLabels;
  /** The page's query ("?…"), kept across both switches where the page's state lives in it (screener, estimate). */
  search?: string;
}) {
  const pathname = usePathname() ?? `/${lng}`;
  const other: Locale = lng === "zh-Hans" ? "zh-Hant" : "zh-Hans";
  return (
    <div className="flex items-center whitespace-nowrap rounded-full border border-line bg-cell/90 text-sm" data-testid="capsule">
      <a
        href={switchLocalePath(pathname, other) + search}
        hrefLang={other}
        lang={other}
        aria-label={labels.switchLanguageLabel}
        className="tap-target flex items-center justify-center px-2.5 font-medium"
        data-testid="switch-script"
      >
        {labels.switchLanguage}
      </a>
      <span aria-hidden="true" className="h-5 w-px bg-line" />
      <form method="post" action="/api/v1/preferences/large-text" className="flex">
        <input type="hidden" name="enabled" value={largeText ? "0" : "1"} />
        <input type="hidden" name="returnTo" value={pathname + search} />
        <button
          type="submit"
          aria-label={labels.largeTextLabel}
          aria-pressed={largeText}
          className="tap-target px-2.5 font-medium"
          data-testid="toggle-large-text"
        >
          {labels.largeText}
        </button>
      </form>
    </div>
  );
}
