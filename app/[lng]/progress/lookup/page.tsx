import { redirectWithinSite } from "@/lib/http/redirect";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { Notice } from "@/components/ui/cells";
import { parseReference } from "@/lib/applications/reference";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

/**
 * Look an application up by its reference. The applicant's phone and a one-time code then prove
 * who is asking (the ordinary sign-in), and only that phone's own applications can match, so a
 * reference alone reveals nothing, not even whether it exists.
 */
export default async function LookupPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const lng = await pageLocale(params);
  const t = getT(lng, "apply");
  const { reference: typed } = await searchParams;
  let error = false;
  if (typed !== undefined) {
    const parsed = parseReference(typed);
    if (parsed) redirectWithinSite(`/${lng}/login?returnTo=${encodeURIComponent(`/${lng}/progress/ref/${parsed.reference}`)}`);
    error = true;
  }
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("lookup.title")} backHref={`/${lng}/progress`}>
      <p className="mb-4">{t("lookup.intro")}</p>
      <form method="get" className="space-y-3 rounded-xl bg-cell p-4" data-testid="lookup-form">
        <label htmlFor="reference" className="block font-medium">
          {t("lookup.reference")}
        </label>
        <p id="reference-hint" className="text-sm text-ink-muted">
          {t("lookup.referenceHint")}
        </p>
        {error ? (
          <p id="reference-error" className="font-medium text-danger" role="alert" data-testid="lookup-error">
            {t("lookup.invalid")}
          </p>
        ) : null}
        <input
          id="reference"
          name="reference"
          defaultValue={typed ?? ""}
          autoCapitalize="characters"
          autoComplete="off"
          maxLength={40}
          aria-invalid={error || undefined}
          aria-describedby={error ? "reference-hint reference-error" : "reference-hint"}
          className="tap-target w-full rounded-lg border border-line bg-white px-3 py-2 font-mono text-lg"
        />
        <button type="submit" className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="lookup-submit">
          {t("lookup.submit")}
        </button>
      </form>
      <div className="mt-4">
        <Notice>{t("lookup.privacy")}</Notice>
      </div>
    </PageFrame>
  );
}
