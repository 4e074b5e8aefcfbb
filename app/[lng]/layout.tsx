import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import "@/app/globals.css";
import { TabBar } from "@/components/shell/tab-bar";
import { icons } from "@/components/ui/icons";
import { getT } from "@/lib/i18n/server";
import { isLocale, locales } from "@/lib/i18n/settings";
import { isLargeText } from "@/lib/preferences";

export function generateStaticParams() {
  return locales.map((lng) => ({ lng }));
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  viewportFit: "cover",
  themeColor: "#ededed",
};

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  const { lng } = await params;
  const t = getT(lng);
  // Each page's <title> comes from its PageFrame (its own heading), so a screen reader and a tab list tell pages apart.
  return { description: t("app.description") };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  if (!isLocale(lng)) notFound();
  const t = getT(lng);
  const largeText = await isLargeText();
  return (
    <html lang={lng} className={largeText ? "large-text" : undefined}>
      <body className="min-h-dvh antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-cell focus:p-2">
          {t("nav.skipToContent")}
        </a>
        {children}
        <TabBar
          label={t("nav.main")}
          hiddenUnder={[`/${lng}/staff`, `/${lng}/desk`, `/${lng}/school`]}
          shownUnder={[`/${lng}/school/p`]}
          tabs={[
            { href: `/${lng}`, label: t("nav.home"), icon: icons.home, exact: true },
            { href: `/${lng}/services`, label: t("nav.services"), icon: icons.services },
            { href: `/${lng}/progress`, label: t("nav.progress"), icon: icons.progress },
            { href: `/${lng}/me`, label: t("nav.me"), icon: icons.me },
          ]}
        />
      </body>
    </html>
  );
}
