/**
 * The 暂定 mark beside a deadline counted through a year without a State Council holiday notice, and the
 * one sentence that says why. Texts come in as props (locales apply.json `provisional`, console.json `detail`).
 */
export function ProvisionalMark({ mark, testId }: { mark: string; testId?: string }) {
  return (
    <strong className="ml-2 rounded bg-warn-soft px-1.5 text-sm font-semibold" data-testid={testId}>
      {mark}
    </strong>
  );
}

export function ProvisionalWhy({ why, testId }: { why: string; testId?: string }) {
  return (
    <span className="mt-1 block text-sm text-ink-muted" data-testid={testId}>
      {why}
    </span>
  );
}
