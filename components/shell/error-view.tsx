"use client";

import errorsHans from "@/locales/zh-Hans/errors.json";
import errorsHant from "@/locales/zh-Hant/errors.json";

/**
 * What a page shows when rendering it or one of its actions failed: a translated message, a retry and a way home,
 * never Next's English "Internal Server Error". Client-side (error boundaries are), so the script comes from the
 * path and the words from the small errors namespace, not from i18next.
 */
export function ErrorView({ lng, onRetry }: { lng: string; onRetry?: () => void }) {
  const script = lng === "zh-Hant" ? "zh-Hant" : "zh-Hans";
  const text = (script === "zh-Hant" ? errorsHant : errorsHans).serverError;
  return (
    <main id="main" className="mx-auto w-full max-w-[30rem] px-4 pb-24 pt-8" data-testid="error-page">
      <title>{text.title}</title>
      <h1 className="mb-4 text-lg font-semibold">{text.title}</h1>
      <div className="rounded-xl bg-cell p-4">
        <p className="mb-4" role="alert">
          {text.body}
        </p>
        <div className="flex flex-wrap gap-3">
          {onRetry ? (
            <button type="button" onClick={onRetry} className="tap-target inline-flex items-center rounded-lg bg-brand px-4 text-white">
              {text.retry}
            </button>
          ) : null}
          {/* A plain link: after an error the client router may be what failed. */}
          <a href={`/${script}`} className="tap-target inline-flex items-center rounded-lg border border-line px-4">
            {text.home}
          </a>
        </div>
      </div>
    </main>
  );
}

/** The script of the page that failed, from its path (`/zh-Hant/…`). */
export function scriptFromPath(pathname: string | null | undefined): "zh-Hans" | "zh-Hant" {
  return /^\/zh-Hant(\/|$)/.test(pathname ?? "") ? "zh-Hant" : "zh-Hans";
}
