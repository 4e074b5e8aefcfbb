"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

export type Tab = { href: string; label: string; icon: ReactNode; exact?: boolean };

/**
 * The citizen's tab bar. Staff areas (`hiddenUnder`, except the citizen pages inside them such as a
 * parent's enrolment link) have no use for it: 我的 or 进度 would send a desk worker to the citizen sign-in.
 */
export function TabBar({ tabs, label, hiddenUnder = [], shownUnder = [] }: { tabs: Tab[]; label: string; hiddenUnder?: string[]; shownUnder?: string[] }) {
  const pathname = usePathname() ?? "";
  const under = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
  if (hiddenUnder.some(under) && !shownUnder.some(under)) return null;
  return (
    <nav
      aria-label={label}
      className="no-print fixed inset-x-0 bottom-0 z-20 border-t border-line bg-cell/95 backdrop-blur"
      style={{ paddingBottom: "var(--safe-bottom)" }}
    >
      <ul className="mx-auto grid max-w-[30rem] grid-cols-4">
        {tabs.map((tab) => {
          const active = tab.exact ? pathname === tab.href : pathname === tab.href || pathname.startsWith(`${tab.href}/`);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={`tap-target flex h-[var(--tabbar-height)] flex-col items-center justify-center gap-0.5 text-xs ${
                  active ? "font-semibold text-brand" : "text-ink-muted"
                }`}
              >
                <span aria-hidden="true" className="h-6 w-6">
                  {tab.icon}
                </span>
                <span>{tab.label}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
