import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { icons } from "@/components/ui/icons";

/** A group of WeChat-style list cells under an optional heading. */
export function CellGroup({ heading, children, id }: { heading?: string; children: ReactNode; id?: string }) {
  return (
    <section aria-labelledby={heading ? id : undefined} className="mb-5">
      {heading ? (
        <h2 id={id} className="mb-2 px-1 text-sm font-medium text-ink-muted">
          {heading}
        </h2>
      ) : null}
      <ul className="divide-y divide-line overflow-hidden rounded-xl bg-cell">{children}</ul>
    </section>
  );
}

export function LinkCell({ href, title, hint, icon }: { href: string; title: string; hint?: string; icon?: ReactNode }) {
  return (
    <li>
      <Link href={href} className="tap-target flex items-center gap-3 px-4 py-3">
        {icon ? (
          <span aria-hidden="true" className="h-7 w-7 shrink-0 text-brand">
            {icon}
          </span>
        ) : null}
        <span className="min-w-0 flex-1">
          <span className="block text-base font-medium">{title}</span>
          {hint ? <span className="block text-sm text-ink-muted">{hint}</span> : null}
        </span>
        <span aria-hidden="true" className="h-5 w-5 shrink-0 text-ink-muted">
          {icons.chevron}
        </span>
      </Link>
    </li>
  );
}

/** A cell that only says something (no link): e.g. what is not available yet. */
export function NoteCell({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <li className="px-4 py-3 text-base text-ink-muted" data-testid={testId}>
      {children}
    </li>
  );
}

export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "warn" | "danger" }) {
  const toneClass = { info: "bg-brand-soft", warn: "bg-warn-soft", danger: "bg-danger-soft text-danger" }[tone];
  return <div className={`rounded-xl px-4 py-3 text-sm ${toneClass}`}>{children}</div>;
}
