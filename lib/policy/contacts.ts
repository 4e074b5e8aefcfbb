import { z } from "zod";
import data from "./contacts.json";
import { RELIABILITIES } from "./types";

/**
 * Who to call: each place's help lines and offices, as data beside the policy packs
 * (lib/policy/contacts.json). National lines (医保 12393, 政务服务 12345, the 乡镇（街道） 民政 office)
 * apply everywhere; a place's entry with the same id replaces the national one (its own clause).
 * A phone number is only ever the one its source gives: an office the sources name without a
 * number has `phone: null` and is shown as where to go, never with a guessed number. Entries that
 * exist only for the demo carry `demo: true` and are shown marked as such.
 */
const CONTACT_IDS = ["medical-insurance-hotline", "government-hotline", "civil-affairs-office", "county-social-security-window"] as const;
export type ContactId = (typeof CONTACT_IDS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const contactSchema = z.strictObject({
  id: z.enum(CONTACT_IDS),
  kind: z.enum(["hotline", "office"]),
  /** Digits only (a short national number or area code + number); null when the source gives none. */
  phone: z.string().regex(/^\d{5,12}$/).nullable(),
  /** In force from / until (inclusive from, exclusive until); null when the source states no date. */
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  demo: z.boolean(),
  source: z.strictObject({ document: z.string().min(1), clause: z.string().min(1), reliability: z.enum(RELIABILITIES) }),
});
export type Contact = z.infer<typeof contactSchema>;

const fileSchema = z
  .strictObject({
    documents: z.record(
      z.string(),
      z.strictObject({ url: z.string().url().optional(), file: z.string().optional(), reliability: z.enum(RELIABILITIES) }),
    ),
    national: z.array(contactSchema),
    places: z.record(z.string(), z.array(contactSchema)),
  })
  .superRefine((f, ctx) => {
    for (const c of [...f.national, ...Object.values(f.places).flat()]) {
      if (!f.documents[c.source.document]) ctx.addIssue({ code: "custom", message: `${c.id}: unknown document ${c.source.document}` });
      if (c.kind === "hotline" && !c.phone) ctx.addIssue({ code: "custom", message: `${c.id}: a hotline needs its number` });
    }
  });

export const contactData = fileSchema.parse(data);
export type ContactDocument = (typeof contactData.documents)[string];

function inForce(c: Contact, on: string): boolean {
  return (!c.from || c.from <= on) && (!c.to || on < c.to);
}

/**
 * The contacts for a policy pack's place on a date (YYYY-MM-DD): hotlines first, then offices.
 * An unknown or missing pack gets the national entries.
 */
export function contactsFor(packId: string | null | undefined, on: string): Contact[] {
  const local = (packId ? contactData.places[packId] : undefined)?.filter((c) => inForce(c, on)) ?? [];
  const national = contactData.national.filter((c) => inForce(c, on) && !local.some((l) => l.id === c.id));
  return [...national, ...local].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "hotline" ? -1 : 1));
}

export function contactDocument(id: string): ContactDocument | undefined {
  return contactData.documents[id];
}

/** The packs that have a contacts block (every pack should: tests/unit/policy/contacts.test.ts). */
export function contactPlaces(): string[] {
  return Object.keys(contactData.places);
}
