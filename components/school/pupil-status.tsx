import type { TFunction } from "i18next";
import { NumText, numSlot } from "@/components/ui/num-text";
import { formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import type { PupilStatus } from "@/lib/schools/statuses";

/**
 * A pupil's status as a teacher, the school or the parent reads it. A partly funded pupil waiting on the family
 * reads "需缴费 ¥X（已资助部分）": the amount still to pay, never why part of it is funded.
 */
export function PupilStatusText({ t, lng, status, amountDue }: { t: TFunction; lng: Locale; status: PupilStatus; amountDue: string | null }) {
  const due = amountDue && (status === "unpaid" || status === "paid-unverified") ? amountDue : null;
  if (due && status === "unpaid") {
    return (
      <span data-testid="part-funded-due" data-amount={due}>
        <NumText text={t("partFunded.due", { amount: numSlot("amount") })} values={{ amount: formatMoney(due, lng) }} />
      </span>
    );
  }
  return (
    <>
      {t(`status.${status}`)}
      {due ? (
        <span className="block text-sm font-normal text-ink-muted" data-testid="part-funded-due" data-amount={due}>
          <NumText text={t("partFunded.due", { amount: numSlot("amount") })} values={{ amount: formatMoney(due, lng) }} />
        </span>
      ) : null}
    </>
  );
}
