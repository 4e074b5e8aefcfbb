import type { TFunction } from "i18next";
import { flagActionAction } from "@/app/[lng]/staff/monitoring/actions";
import { DISMISS_REASONS } from "@/lib/monitoring/flag-actions";
import type { FlagView } from "@/lib/monitoring/queries";

/** The caseworker's actions on an open flag: plain forms (work without JavaScript). */
export function FlagActions({ flag, lng, t }: { flag: FlagView; lng: string; t: TFunction }) {
  if (flag.state === "helped" || flag.state === "dismissed") return null;
  const button = "tap-target w-full rounded-lg border border-brand px-3 font-semibold text-brand";
  return (
    <div className="mt-3 space-y-2 border-t border-line pt-3" data-testid="flag-actions">
      <h4 className="text-sm text-ink-muted">{t("monitoring.action.heading")}</h4>
      <div className="grid grid-cols-1 gap-2 min-[360px]:grid-cols-3">
        <form action={flagActionAction.bind(null, lng, flag.id, "visit")}>
          <button type="submit" className={button}>
            {t("monitoring.action.visit")}
          </button>
        </form>
        <form action={flagActionAction.bind(null, lng, flag.id, "invite")}>
          <button type="submit" className={button} data-testid="flag-invite">
            {t("monitoring.action.invite")}
          </button>
        </form>
        <form action={flagActionAction.bind(null, lng, flag.id, "helped")}>
          <button type="submit" className={button}>
            {t("monitoring.action.helped")}
          </button>
        </form>
      </div>
      <form action={flagActionAction.bind(null, lng, flag.id, "dismiss")} className="flex items-end gap-2">
        <label className="block flex-1">
          <span className="mb-1 block text-sm">{t("monitoring.action.reason")}</span>
          <select name="reason" required defaultValue="" className="tap-target w-full rounded-lg border border-line bg-white px-3">
            <option value="" disabled>
              {t("monitoring.action.reason")}
            </option>
            {DISMISS_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`monitoring.reason.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="tap-target rounded-lg border border-line px-3">
          {t("monitoring.action.dismiss")}
        </button>
      </form>
    </div>
  );
}
