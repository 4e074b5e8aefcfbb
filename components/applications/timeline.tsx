import type { TimelineStep } from "@/lib/applications/state-machine";
import { ProvisionalMark, ProvisionalWhy } from "@/components/applications/provisional";

export type TimelineLabels = {
  step: (id: string) => string;
  state: (state: string) => string;
  doneOn: (date: string) => string;
  dueBy: (date: string) => string;
  waitingForYou: string;
  overdue: string;
  formatDate: (date: string) => string;
  /** 暂定, and why (by the date's year). */
  provisional: string;
  provisionalWhy: (date: string) => string;
};

/** 受理 → 审核 → 公示 → 审批 → 发放, with the date each was done and the current step's deadline. */
export function Timeline({ steps, labels, overdue }: { steps: TimelineStep[]; labels: TimelineLabels; overdue: boolean }) {
  return (
    <ol className="space-y-0" data-testid="timeline">
      {steps.map((s, i) => {
        const dot =
          s.state === "done" ? "bg-brand" : s.state === "current" ? "bg-white ring-4 ring-brand" : s.state === "stopped" ? "bg-danger" : "bg-line";
        return (
          <li key={s.id} className="relative flex gap-3 pb-4" data-testid={`step-${s.id}`} data-state={s.state}>
            {i < steps.length - 1 ? <span aria-hidden="true" className="absolute top-5 left-[0.6rem] h-full w-0.5 bg-line" /> : null}
            <span aria-hidden="true" className={`relative mt-1 h-5 w-5 shrink-0 rounded-full ${dot}`} />
            <div className="min-w-0">
              <p className="font-semibold">
                {labels.step(s.id)} <span className="text-sm font-normal text-ink-muted">· {labels.state(s.state)}</span>
              </p>
              {s.on ? <p className="text-sm" data-testid={`step-${s.id}-on`}>{labels.doneOn(labels.formatDate(s.on))}</p> : null}
              {s.dueOn && (s.state === "current" || s.waitingFor === "applicant") ? (
                <p className="text-sm" data-testid={`step-${s.id}-due`}>
                  {labels.dueBy(labels.formatDate(s.dueOn))}
                  {s.waitingFor === "applicant" ? <strong className="ml-2 text-danger">{labels.waitingForYou}</strong> : null}
                  {overdue && s.state === "current" ? <strong className="ml-2 text-danger">{labels.overdue}</strong> : null}
                  {s.dueProvisional ? (
                    <>
                      <ProvisionalMark mark={labels.provisional} testId={`step-${s.id}-provisional`} />
                      <ProvisionalWhy why={labels.provisionalWhy(s.dueOn)} />
                    </>
                  ) : null}
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
