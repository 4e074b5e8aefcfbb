import { Link } from "@/components/ui/link";
import { redirectWithinSite } from "@/lib/http/redirect";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { serviceContext } from "@/lib/applications/context";
import { parseReference } from "@/lib/applications/reference";
import { findOwnApplicationId } from "@/lib/applications/service";
import { requireCitizen } from "@/lib/auth/guards";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

/** After signing in with the phone: the signed-in citizen's own application with this reference, if any. */
export default async function ReferencePage({ params }: { params: Promise<{ lng: string; reference: string }> }) {
  const lng = await pageLocale(params);
  const { reference } = await params;
  const parsed = parseReference(decodeURIComponent(reference));
  const self = `/${lng}/progress/ref/${encodeURIComponent(parsed?.reference ?? "")}`;
  const user = await requireCitizen(lng, self);
  const found = parsed ? await findOwnApplicationId(await serviceContext(), user.id, parsed.reference) : null;
  if (found) redirectWithinSite(`/${lng}/progress/${found}`);
  const t = getT(lng, "apply");
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("lookup.title")} backHref={`/${lng}/progress`}>
      <p className="mb-4 rounded-xl bg-cell p-4" role="alert" data-testid="lookup-not-found">
        {t("lookup.notFound")}
      </p>
      <Link href={`/${lng}/progress/lookup`} className="target-link text-brand underline">
        {t("lookup.again")}
      </Link>
    </PageFrame>
  );
}
