import { Link } from "@/components/ui/link";
import type { AssistedFrameView } from "@/lib/desk/assisted-frame";

/**
 * Above 查资格 / 算报销 when a desk worker runs them with an applicant (lib/desk/assisted-frame.ts): whose session
 * it is, readable across the desk (the frame's 长辈版 switch enlarges it with everything else), and the way back.
 * Renders nothing outside a desk frame.
 */
export function AssistedFrameBanner({ view }: { view: AssistedFrameView | null }) {
  if (!view) return null;
  return (
    <section className="mb-4 rounded-xl border-2 border-brand bg-cell p-4 print:hidden" data-testid="assisted-frame" aria-label={view.banner}>
      <p className="text-xl font-bold" data-testid="frame-person">
        {view.banner}
      </p>
      <p className="mt-1 text-sm text-ink-muted">{view.hint}</p>
      <Link href={view.sessionHref} className="target-link mt-2 inline-flex text-brand underline" data-testid="frame-back">
        {view.back}
      </Link>
    </section>
  );
}
