import { Link } from "@/components/ui/link";
import type { Locale } from "@/lib/i18n/settings";
import { PageFrame } from "@/components/shell/page-frame";

/** Honest placeholder for a task whose flow is not built yet: says so and points to what exists. */
export function ComingSoon({
  lng,
  feature,
  labels,
}: {
  lng: Locale;
  feature: string;
  labels: { title: string; body: string; toServices: string };
}) {
  return (
    <PageFrame lng={lng} title={feature} backHref={`/${lng}`}>
      <div className="rounded-xl bg-cell p-4" data-testid="coming-soon">
        <h2 className="mb-2 text-lg font-semibold">{labels.title}</h2>
        <p className="mb-4">{labels.body}</p>
        <Link href={`/${lng}/services`} className="tap-target inline-flex items-center rounded-lg bg-brand px-4 text-white">
          {labels.toServices}
        </Link>
      </div>
    </PageFrame>
  );
}
