import type { ReactNode } from "react";

/**
 * A number or reference as one unbreakable unit: an amount, a percentage, a date, a masked ID / phone /
 * bank number, an application reference. `<bdi>` keeps it apart from the words around it; `data-num`
 * (white-space: nowrap in globals.css) keeps it on one line, and the layout check measures it.
 */
export function Num({ children, className, testId }: { children: ReactNode; className?: string; testId?: string }) {
  return (
    <bdi data-num="" className={className} data-testid={testId}>
      {children}
    </bdi>
  );
}
