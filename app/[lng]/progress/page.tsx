import { Link } from "@/components/ui/link";
import { ApplicationList } from "@/components/applications/application-list";
import { PageFrame } from "@/components/shell/page-frame";
import { listApplicationsForCitizen } from "@/lib/applications/queries";
import { serviceContext } from "@/lib/applications/context";
import { currentUser } from "@/lib/auth/guards";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

export default async function ProgressPage({ params }: { params: Promise<{ lng: string }> }) {
  const lng = await pageLocale(params);
  const t = getT(lng);
  const ta = getT(lng, "apply");
  // Visitors are invited to sign in; a signed-in citizen sees their own applications.
  const user = await currentUser();
  const applications = user?.kind === "citizen" ? await listApplicationsForCitizen((await serviceContext()).db, user.id) : null;
  return (
    <PageFrame lng={lng} title={t("progress.title")}>
      {applications === null ? (
        <div className="rounded-xl bg-cell p-4">
          <p className="mb-4">{t("progress.signInPrompt")}</p>
          <Link
            href={`/${lng}/login?returnTo=${encodeURIComponent(`/${lng}/progress`)}`}
            className="tap-target inline-flex w-full items-center justify-center rounded-lg bg-brand text-lg font-semibold text-white"
          >
            {t("progress.signIn")}
          </Link>
        </div>
      ) : applications.length === 0 ? (
        <p className="rounded-xl bg-cell p-4">{t("progress.empty")}</p>
      ) : (
        <section aria-labelledby="my-applications">
          <h2 id="my-applications" className="mb-2 px-1 text-sm font-medium text-ink-muted">
            {t("progress.listHeading")}
          </h2>
          <ApplicationList
            items={applications}
            lng={lng}
            hrefFor={(item) => `/${lng}/progress/${item.id}`}
            labels={{ reference: t("progress.reference"), submittedAt: t("progress.submittedAt"), status: (s) => t(`status.${s}`) }}
          />
        </section>
      )}
      <p className="mt-4">
        <Link href={`/${lng}/progress/lookup`} className="tap-target inline-flex items-center text-brand underline" data-testid="lookup-link">
          {ta("lookup.link")}
        </Link>
      </p>
    </PageFrame>
  );
}
