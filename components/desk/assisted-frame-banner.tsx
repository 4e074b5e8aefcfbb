import { Link } from "@/components/ui/link";
import { currentAssistedFrame } from "@/lib/desk/assisted-frame";
import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/settings";

/**
 * Above 查资格 / 算报销 when a desk worker runs them with an applicant (lib/desk/assisted-frame.ts): whose session
 * it is, readable across the desk (the frame's 长辈版 switch enlarges it with everything else), and the way back.
 * Renders nothing for anyone else.
 */
export async function AssistedFrameBanner({ lng }: { lng: Locale }) {
  const frame = await currentAssistedFrame();
  if (!frame) return null;
  const t = getT(lng, "handover");
  return (
    <section className="mb-4 rounded-xl border-2 border-brand bg-cell p-4 print:hidden" data-testid="assisted-frame" aria-label={t("frame.banner", { name: frame.nameMasked })}>
      <p className="text-xl font-bold" data-testid="frame-person">
        {t("frame.banner", { name: frame.nameMasked })}
      </p>
      <p className="mt-1 text-sm text-ink-muted">{t("frame.hint")}</p>
      <Link href={`/${lng}/desk/sessions/${frame.sessionId}`} className="target-link mt-2 inline-flex text-brand underline" data-testid="frame-back">
        {t("frame.back")}
      </Link>
    </section>
  );
}
