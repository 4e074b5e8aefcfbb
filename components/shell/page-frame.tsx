import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/settings";
import { isLargeText } from "@/lib/preferences";
import { icons } from "@/components/ui/icons";
import { PreferenceCapsule } from "@/components/shell/preference-capsule";

/** A mini-program page: a top bar with back, title and the preference capsule, then the page's content. */
export async function PageFrame({
  lng,
  title,
  backHref,
  children,
  query,
}: {
  lng: Locale;
  title: string;
  backHref?: string;
  children: ReactNode;
  /** The page's query string (without "?") when the page keeps its state there; the capsule's switches keep it. */
  query?: string;
}) {
  const t = getT(lng);
  const largeText = await isLargeText();
  return (
    <>
      <header
        className="no-print sticky top-0 z-20 border-b border-line bg-page/95 backdrop-blur"
        style={{ paddingTop: "var(--safe-top)" }}
      >
        <div className="mx-auto grid min-h-[var(--topbar-height)] max-w-[30rem] grid-cols-[1fr_auto_1fr] items-center px-2">
          <div className="justify-self-start">
            {backHref ? (
              <Link href={backHref} className="tap-target flex items-center gap-1 pr-2 text-base" data-testid="back">
                <span aria-hidden="true" className="h-6 w-6">
                  {icons.back}
                </span>
                <span className="sr-only">{t("nav.back")}</span>
              </Link>
            ) : null}
          </div>
          <h1 className="truncate text-center text-lg font-semibold">{title}</h1>
          <div className="justify-self-end">
            <PreferenceCapsule
              lng={lng}
              largeText={largeText}
              search={query ? `?${query}` : ""}
              labels={{
                switchLanguage: lng === "zh-Hans" ? t("prefs.switchToHant") : t("prefs.switchToHans"),
                switchLanguageLabel:
                  lng === "zh-Hans" ? t("prefs.switchLanguageLabel") : t("prefs.switchLanguageLabelHans"),
                largeText: largeText ? t("prefs.largeTextOff") : t("prefs.largeTextOn"),
                largeTextLabel: largeText ? t("prefs.largeTextOffLabel") : t("prefs.largeTextOnLabel"),
              }}
            />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-[30rem] px-4 pb-[calc(var(--tabbar-height)+var(--safe-bottom)+1.5rem)] pt-4">
        {children}
      </main>
    </>
  );
}
