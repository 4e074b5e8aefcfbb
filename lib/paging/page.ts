/**
 * Numbered pages for staff lists (the application queue, the 政策找人 flag queue): a list that
 * stopped at its first 100 rows would hide the 101st case from the people meant to work it.
 * Offset pages over a stable order (every list sorts on a unique last key), counted once.
 */

/** Rows per page: a phone screen's worth of cards, so a slow connection fetches a page quickly. */
export const STAFF_PAGE_SIZE = 20;
/** Above this the page number in the address is taken as nonsense, not as a page to count to. */
const MAX_PAGE = 100_000;

export interface PageWindow {
  /** The page shown, 1-based, within 1 … pageCount. */
  page: number;
  pageCount: number;
  total: number;
  skip: number;
  take: number;
}

export interface Paged<T> extends PageWindow {
  items: T[];
}

/** The requested page from an address's `page` parameter: a positive whole number, otherwise 1. */
export function requestedPage(raw: string | string[] | undefined): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^\d{1,6}$/.test(value)) return 1;
  const n = Number(value);
  return n >= 1 && n <= MAX_PAGE ? n : 1;
}

/** Which rows a page holds; a page past the end shows the last one (a list shrinks while it is worked). */
export function pageWindow(total: number, requested: number, size = STAFF_PAGE_SIZE): PageWindow {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.floor(requested)), pageCount);
  return { page, pageCount, total, skip: (page - 1) * size, take: size };
}

/** The same address with another page (other parameters, e.g. a queue's filters, kept). */
export function pageHref(path: string, query: Record<string, string | string[] | undefined>, page: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (k === "page" || v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  }
  if (page > 1) params.set("page", String(page));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
