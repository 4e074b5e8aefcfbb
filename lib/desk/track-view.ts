import type { AssistedBy } from "@/lib/applications/service";
import type { TrackedStatus } from "@/lib/desk/tracking";
import { formatCalendarDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/settings";

/** The tracked status as the public page shows it: every text already in the page's script (it crosses to a client form). */
export type TrackResultView = {
  reference: string;
  statusLabel: string;
  submittedOn: string | null;
  steps: { id: string; state: string; title: string; detail: string | null }[];
  owed: { heading: string; documents: string[] } | null;
  /** "窗口帮办：<desk>" when a desk helped submit (no personal data: the desk's name only). */
  assistedBy: string | null;
};

export type TrackState = { values: { reference: string; code: string }; error?: string; result?: TrackResultView } | null;

export function trackedStatusView(s: TrackedStatus, lng: Locale): TrackResultView {
  const t = getT(lng, "desk");
  const ta = getT(lng, "apply");
  const tc = getT(lng, "common");
  const date = (d: string) => formatCalendarDate(d, lng);
  return {
    reference: s.reference,
    statusLabel: tc(`status.${s.status}`),
    submittedOn: s.submittedOn ? t("track.submittedOn", { date: date(s.submittedOn) }) : null,
    steps: s.timeline.map((step) => {
      const due = step.dueOn ?? (step.state === "current" ? s.currentDueOn : null);
      const detail = step.on ? ta("track.doneOn", { date: date(step.on) }) : due && step.state === "current" ? ta("track.dueBy", { date: date(due) }) : null;
      return { id: step.id, state: step.state, title: `${ta(`track.steps.${step.id}`)} · ${ta(`track.states.${step.state}`)}`, detail };
    }),
    assistedBy: s.assistedBy ? assistedByText(s.assistedBy, lng) : null,
    owed: s.owed ? { heading: s.owed.dueOn ? t("track.owed", { date: date(s.owed.dueOn) }) : t("track.owedUndated"), documents: s.owed.documents.map((d) => t(`documents.${d}.name`)) } : null,
  };
}

/** "窗口帮办：<desk>" for a timeline, in the page's script (the desk's name as it was when it helped). */
export function assistedByText(by: AssistedBy, lng: Locale): string {
  const t = getT(lng, "desk");
  const name = lng === "zh-Hant" ? by.nameZhHant : by.nameZhHans;
  return name ? t("timeline.assistedBy", { desk: name }) : t("timeline.assistedByUnknown");
}
