import { z } from "zod";
import { HELP_PROVIDERS } from "@/lib/people/help-chain";
import data from "@/lib/schools/zhuanban/checklist.json";

/**
 * The 专班 checklist as data (checklist.json): each layer of help the seed lists, the body responsible
 * for it (沈阳 000 六's 责任单位), the clause and a verbatim quote. A case puts one link per item on the
 * pupil's household help chain; the code only knows the two items that open something (the estimate,
 * the 临时救助 application) and the one the school records itself (教育资助).
 */

/** The seed's responsible bodies (六's 责任单位): 医保, 民政, 教育, 卫健, 总工会, 红十字会, 慈善总会. */
export const RESPONSIBLE_BODIES = ["medical-insurance", "civil-affairs", "education", "health", "trade-union", "red-cross", "charity"] as const;
export type ResponsibleBody = (typeof RESPONSIBLE_BODIES)[number];

const itemSchema = z.object({
  id: z.string().regex(/^[a-z-]{2,40}$/),
  kind: z.enum(["referral", "education-aid"]),
  provider: z.enum(HELP_PROVIDERS),
  bodies: z.array(z.enum(RESPONSIBLE_BODIES)).min(1),
  clause: z.string().regex(/^[一二三四五六七八九十]+(、\d+)?$/),
  quote: z.string().min(4),
  /** What the item opens from the case page. */
  opens: z.enum(["estimate", "application"]).optional(),
  /** The school records the outcome itself (教育资助), with the amount. */
  recordedBy: z.enum(["school"]).optional(),
});

const checklistSchema = z.object({
  id: z.string(),
  document: z.object({ title: z.string().min(1), issued: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), file: z.string().min(1) }),
  office: z.object({ body: z.enum(RESPONSIBLE_BODIES), clause: z.string(), quote: z.string() }),
  items: z.array(itemSchema).min(1),
});

export type ChecklistItem = z.infer<typeof itemSchema>;
export type Checklist = z.infer<typeof checklistSchema>;

/** Validated once on load: a broken data file fails at start, not on a case page. */
export const CHECKLIST: Checklist = checklistSchema.parse(data);

export function checklistItem(id: string): ChecklistItem | undefined {
  return CHECKLIST.items.find((i) => i.id === id);
}

/** The item whose link the parent's submitted application moves to "applied". */
export const APPLICATION_ITEM = CHECKLIST.items.find((i) => i.opens === "application")!.id;
/** The item the school records itself (教育资助), with an amount. */
export const SCHOOL_ITEM = CHECKLIST.items.find((i) => i.recordedBy === "school")!.id;

/** The help link's refId for one item of one case: the case id and the item (kind + refId is unique per chain link). */
export function itemRefId(caseId: string, itemId: string): string {
  return `${caseId}:${itemId}`;
}
