import { Fragment, type ReactNode } from "react";
import { Num } from "@/components/ui/num";

/** The placeholder a translated sentence carries for a value drawn as <Num> (see NumText). */
export const numSlot = (name: string) => `⟦${name}⟧`;

/**
 * A translated sentence with its numbers as unbreakable units: translate with `numSlot(name)` as each number's
 * value, then hand the text and the real values here; every slot becomes a <Num>, the words stay as translated.
 */
export function NumText({ text, values }: { text: string; values: Record<string, string> }): ReactNode {
  return text.split(/⟦(\w+)⟧/).map((part, i) => (i % 2 === 1 ? <Num key={i}>{values[part] ?? ""}</Num> : <Fragment key={i}>{part}</Fragment>));
}
