import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * Every in-app link. Next prefetches each link that scrolls into view; on the slow, metered phone connections
 * this portal is built for, that spends the family's data and the phone's CPU on pages they may never open
 * (a results page would fetch eight), and Lighthouse counted the work as blocking. Navigation stays client-side;
 * a page is fetched when it is tapped.
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
