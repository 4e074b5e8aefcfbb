import { TrackForm } from "@/components/desk/track-form";
import { PageFrame } from "@/components/shell/page-frame";
import { Notice } from "@/components/ui/cells";
import { frameTexts } from "@/lib/i18n/frame";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { trackAction } from "@/app/[lng]/track/actions";

/**
 * Status by reference + tracking code, for applicants without a phone (the code is on the 受理回执;
 * its QR code opens this page with the reference filled in). Public: the code shows the status only.
 */
export default async function TrackPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const lng = await pageLocale(params);
  const { ref } = await searchParams;
  const t = getT(lng, "desk");
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("track.title")} backHref={`/${lng}/progress`}>
      <p className="mb-4">{t("track.intro")}</p>
      <TrackForm
        action={trackAction.bind(null, lng)}
        initialReference={(ref ?? "").slice(0, 40)}
        texts={{
          reference: t("track.reference"),
          referenceHint: t("track.referenceHint"),
          code: t("track.code"),
          codeHint: t("track.codeHint"),
          submit: t("track.submit"),
          status: t("track.status"),
          timeline: t("track.timeline"),
        }}
      />
      <div className="mt-4">
        <Notice>{t("track.privacy")}</Notice>
      </div>
    </PageFrame>
  );
}
