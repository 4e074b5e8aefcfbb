import { Link } from "@/components/ui/link";
import type { PageWindow } from "@/lib/paging/page";

export interface PagerTexts {
  /** The navigation landmark's name, e.g. "分页". */
  label: string;
  previous: string;
  next: string;
  /** "第 2 / 5 页，共 93 条" for this page. */
  position: string;
}

/** Previous / next links under a paged staff list; plain links, so it works without JavaScript. */
export function Pager({ window, hrefFor, texts, testId = "pager" }: { window: PageWindow; hrefFor: (page: number) => string; texts: PagerTexts; testId?: string }) {
  if (window.pageCount <= 1) return null;
  const link = "tap-target inline-flex items-center justify-center rounded-lg border border-brand px-4 font-semibold text-brand";
  return (
    <nav aria-label={texts.label} className="mt-3 flex items-center justify-between gap-2" data-testid={testId}>
      {window.page > 1 ? (
        <Link href={hrefFor(window.page - 1)} rel="prev" className={link} data-testid={`${testId}-previous`}>
          {texts.previous}
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <p className="text-center text-sm text-ink-muted" aria-live="polite" data-testid={`${testId}-position`}>
        {texts.position}
      </p>
      {window.page < window.pageCount ? (
        <Link href={hrefFor(window.page + 1)} rel="next" className={link} data-testid={`${testId}-next`}>
          {texts.next}
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
