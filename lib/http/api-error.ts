import authHans from "@/locales/zh-Hans/auth.json";
import commonHans from "@/locales/zh-Hans/common.json";
import authHant from "@/locales/zh-Hant/auth.json";
import commonHant from "@/locales/zh-Hant/common.json";
import { TemplateCatalog, type Vars } from "@/lib/policy/template";
import { defaultLocale, type Locale } from "@/lib/i18n/settings";
import { JSON_CONTENT_TYPE } from "@/lib/http/content-type";

/**
 * The one JSON error body of every API route: `{ error: { code, message, issues } }` — a stable
 * code for programs, a sentence in the caller's script for people, and per-field issues (empty when
 * the problem is not about one field). A route may add fields next to them (e.g. `retryAfterSeconds`).
 * The estimate's errors (lib/policy/errors.ts) have this shape already.
 */
export type ApiIssue = { path: string; message: string };
export type ApiErrorBody = { error: { code: string; message: string; issues: ApiIssue[] } & Record<string, unknown> };

// The sign-in errors the UI shows (auth.json) and the API's own (common.json → apiErrors).
const catalogs: Record<Locale, TemplateCatalog> = {
  "zh-Hans": new TemplateCatalog({ ...authHans.errors, ...commonHans.apiErrors }, "api errors zh-Hans"),
  "zh-Hant": new TemplateCatalog({ ...authHant.errors, ...commonHant.apiErrors }, "api errors zh-Hant"),
};

/** The sentence for a code (locales/<lng>/common.json → apiErrors, auth.json → errors). */
export function apiMessage(code: string, locale: Locale = defaultLocale, vars?: Vars): string {
  return catalogs[locale].t(code, vars);
}

export function apiErrorBody(
  code: string,
  message: string,
  issues: ApiIssue[] = [],
  extra: Record<string, unknown> = {},
): ApiErrorBody {
  return { error: { ...extra, code, message, issues } };
}

export type ApiErrorOptions = {
  locale?: Locale;
  /** Defaults to the sentence for the code, filled with `vars`. */
  message?: string;
  vars?: Vars;
  issues?: ApiIssue[];
  extra?: Record<string, unknown>;
  headers?: Record<string, string>;
};

export function apiError(status: number, code: string, options: ApiErrorOptions = {}): Response {
  const message = options.message ?? apiMessage(code, options.locale, options.vars);
  return new Response(JSON.stringify(apiErrorBody(code, message, options.issues, options.extra)), {
    status,
    headers: { "content-type": JSON_CONTENT_TYPE, ...options.headers },
  });
}
