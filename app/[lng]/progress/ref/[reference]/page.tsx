import { Link } from "@/components/ui/link";
import { redirectWithinSite } from "@/lib/http/redirect";
import { PageFrame } from "@/components/shell/page-frame";
import { parseReference } from "@/lib/applications/reference";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

/** After signing in with the phone: the signed-in citizen's own application with this reference, if any. */
export default async function ReferencePage({ params }: { params: Promise<{ lng: string; reference: string }> }) {
  const lng = await pageLocale(params);
  const { reference } = await params;
  const parsed = parseReference(decodeURIComponent(reference));
  const self = `/${lng}/progress/ref/${encodeURIComponent(parsed?.reference ?? "")}`;
  const user = await getSessionUser();
  if (user?.kind !== "citizen") redirectWithinSite(`/${lng}/login?returnTo=${encodeURIComponent(self)}`);
  const found = parsed
    ? await getDb().application.findFirst({ where: { reference: parsed.reference, citizenId: user.id }, select: { id: true } })
    : null;
  if (found) redirectWithinSite(`/${lng}/progress/${found.id}`);
  const t = getT(lng, "apply");
  return (
    <PageFrame lng={lng} title={t("lookup.title")} backHref={`/${lng}/progress`}>
      <p className="mb-4 rounded-xl bg-cell p-4" role="alert" data-testid="lookup-not-found">
        {t("lookup.notFound")}
      </p>
      <Link href={`/${lng}/progress/lookup`} className="text-brand underline">
        {t("lookup.again")}
      </Link>
    </PageFrame>
  );
}
