import { Link } from "@/components/ui/link";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/settings";

/** A session that ended: that it did and when, nothing of the applicant or the draft. */
export function HandedOver({ lng, state }: { lng: Locale; state: { status: string; endedAt: Date | null } }) {
  const t = getT(lng, "handover");
  return (
    <section className="rounded-xl border-2 border-brand bg-cell p-4" data-testid="session-ended" data-status={state.status}>
      {state.status === "handed-over" ? (
        <>
          <p className="text-xl font-bold" data-testid="handed-over">
            {t("desk.done")}
          </p>
          {state.endedAt ? <p className="mt-2">{t("desk.doneAt", { at: formatDateTime(state.endedAt, lng) })}</p> : null}
        </>
      ) : (
        <p className="text-lg">{t("desk.ended")}</p>
      )}
      <p className="mt-3">
        <Link href={`/${lng}/desk`} className="target-link text-brand underline">
          {t("desk.backToDesk")}
        </Link>
      </p>
    </section>
  );
}
