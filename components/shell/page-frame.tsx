import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import type { FrameTexts } from "@/lib/i18n/frame";
import type { Locale } from "@/lib/i18n/settings";
import { isLargeText } from "@/lib/preferences";
import { icons } from "@/components/ui/icons";
import { PreferenceCapsule } from "@/components/shell/preference-capsule";

/** A mini-program page: a top bar with back, title and the preference capsule, then the page's content. */
export async function PageFrame({
  lng,
  texts,
  title,
  backHref,
  children,
  query,
  documentTitle = title,
}: {
  lng: Locale;
  /** The frame's words, from `frameTexts(lng)` in the page. */
  texts: FrameTexts;
  title: string;
  backHref?: string;
  children: ReactNode;
  /** The browser tab's title when it should say more than the heading (a screener question names itself). */
  documentTitle?: string;
  /** The page's query string (without "?") when the page keeps its state there; the capsule's switches keep it. */
  query?: string;
}) {
  const largeText = await isLargeText();
  return (
    <>
      {/* React places it in <head>: each page is named by its own heading (WCAG 2.4.2). */}
      <title>{documentTitle === texts.appName ? documentTitle : `${documentTitle} · ${texts.appName}`}</title>
      <header
        className="no-print sticky top-0 z-20 border-b border-line bg-page/95 backdrop-blur"
        style={{ paddingTop: "var(--safe-top)" }}
      >
        {/* Back, title, capsule: the sides keep their size, the title takes what is left and wraps to two lines
            before it would ever slide under the capsule (长辈版 at 320 px included). */}
        <div className="mx-auto flex min-h-[var(--topbar-height)] max-w-[30rem] items-center gap-1 px-2">
          <div className="min-w-[3rem] shrink-0">
            {backHref ? (
              <Link href={backHref} className="tap-target flex items-center gap-1 pr-2 text-base" data-testid="back">
                <span aria-hidden="true" className="h-6 w-6">
                  {icons.back}
                </span>
                <span className="sr-only">{texts.back}</span>
              </Link>
            ) : null}
          </div>
          <h1 className="line-clamp-2 min-w-0 flex-1 break-words text-center text-lg font-semibold leading-tight text-balance">{title}</h1>
          <div className="shrink-0">
            <PreferenceCapsule
              lng={lng}
              largeText={largeText}
              search={query ? `?${query}` : ""}
              labels={{
                switchLanguage: texts.switchLanguage,
                switchLanguageLabel: texts.switchLanguageLabel,
                largeText: largeText ? texts.largeTextOff : texts.largeTextOn,
                largeTextLabel: largeText ? texts.largeTextOffLabel : texts.largeTextOnLabel,
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
