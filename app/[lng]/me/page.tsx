import { SignOutButton } from "@/components/auth/sign-out-button";
import { FoundForYouSection } from "@/components/monitoring/found-for-you";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { CellGroup, LinkCell } from "@/components/ui/cells";
import { Link } from "@/components/ui/link";
import { Num } from "@/components/ui/num";
import { serviceContext } from "@/lib/applications/context";
import { listSharedWithCitizen } from "@/lib/applications/viewers";
import { icons } from "@/components/ui/icons";
import { actorFor } from "@/lib/auth/access";
import { currentUser } from "@/lib/auth/guards";
import { isDemoMode } from "@/lib/config/env";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { foundForCitizen } from "@/lib/monitoring/citizen";

export default async function MePage({ params }: { params: Promise<{ lng: string }> }) {
  const lng = await pageLocale(params);
  const t = getT(lng);
  const user = await currentUser();
  // Applications a family member shares with this phone (与家人共享进度): read-only, someone else's.
  const ctx = user?.kind === "citizen" ? await serviceContext() : null;
  const shared = ctx && user?.kind === "citizen" ? await listSharedWithCitizen(ctx, user.id) : [];
  // 政策找人: what the area's monitoring found for this citizen (their own figures only).
  const found = ctx && user?.kind === "citizen" ? await foundForCitizen(ctx.db, actorFor(user), lng) : [];
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("me.title")}>
      <section className="mb-5 rounded-xl bg-cell p-4" data-testid="account">
        <p className="text-lg font-medium">
          {user ? t("me.signedInAs", { who: user.displayName ?? "" }) : t("me.notSignedIn")}
        </p>
      </section>
      <FoundForYouSection found={found} lng={lng} t={t} />
      {user ? null : (
        <CellGroup>
          <LinkCell href={`/${lng}/login`} title={t("me.citizenSignIn")} icon={icons.me} />
          <LinkCell href={`/${lng}/staff/login`} title={t("me.staffSignIn")} icon={icons.desk} />
        </CellGroup>
      )}
      {shared.length ? (
        <CellGroup heading={t("me.sharedHeading")} id="shared">
          {shared.map((item) => (
            <li key={item.applicationId} data-testid="shared-item">
              <Link href={`/${lng}/me/shared/${item.applicationId}`} className="tap-target block px-4 py-3">
                <span className="block text-base font-medium">{t("me.sharedItem", { name: item.applicantMasked })}</span>
                <span className="block text-sm text-ink-muted">
                  <Num>{item.reference}</Num> · {t(`status.${item.status}`)}
                </span>
              </Link>
            </li>
          ))}
        </CellGroup>
      ) : null}
      <CellGroup heading={t("me.settingsHeading")} id="settings">
        <li className="px-4 py-3">
          <p className="font-medium">{t("prefs.largeTextTitle")}</p>
          <p className="text-sm text-ink-muted">{t("prefs.largeTextHint")}</p>
        </li>
        <li className="px-4 py-3">
          <p className="font-medium">{t("prefs.languageTitle")}</p>
          <p className="text-sm text-ink-muted">{t("prefs.languageHint")}</p>
        </li>
      </CellGroup>
      {isDemoMode() ? (
        <CellGroup heading={t("me.demoHeading")} id="demo">
          <LinkCell href={`/${lng}/dev/outbox`} title={t("me.outbox")} icon={icons.services} />
        </CellGroup>
      ) : null}
      {user ? <SignOutButton label={t("me.signOut")} returnTo={`/${lng}/me`} /> : null}
    </PageFrame>
  );
}
