/**
 * What a "recount-deadline" timeline event changed: the date told before → the date now, whether it is still
 * 暂定, and when the notice's own count was earlier (the later date told is kept). Texts come from console.json `detail`.
 */
export function RecountDetails({
  details,
  t,
  formatDate,
}: {
  details: Record<string, unknown>;
  t: (key: string, params?: Record<string, string>) => string;
  formatDate: (date: string) => string;
}) {
  const date = (v: unknown) => (typeof v === "string" ? formatDate(v) : "—");
  const keptLater = typeof details.countedDueOn === "string" && typeof details.dueOn === "string" && details.countedDueOn < details.dueOn;
  return (
    <p className="text-sm" data-testid="recount-details">
      {t("detail.recounted", { from: date(details.previousDueOn), to: date(details.dueOn) })}
      {details.provisional ? t("detail.recountedStill") : null}
      {keptLater ? <span className="block">{t("detail.keptLater", { counted: date(details.countedDueOn), to: date(details.dueOn) })}</span> : null}
    </p>
  );
}
