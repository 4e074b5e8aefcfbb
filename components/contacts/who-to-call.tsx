import { Num } from "@/components/ui/num";
import { contactsFor } from "@/lib/policy/contacts";
import type { TFunction } from "i18next";

/**
 * 有问题找谁: the place's help lines (tap to call) and the office to go to, from lib/policy/contacts.json.
 * The one block the screener results, the estimate result, the application and 进度 all show.
 * Texts come from the page (`getT(lng, "common")`, keys `contacts.*`). Each call link is a stand-alone target (≥ 60 px tall in 长辈版) and says whom it calls.
 */
export function WhoToCall({ t, packId, on, className = "" }: { t: TFunction; packId: string | null | undefined; on: string; className?: string }) {
  const contacts = contactsFor(packId, on);
  if (!contacts.length) return null;
  return (
    <section aria-labelledby="who-to-call-h" className={`rounded-xl bg-cell p-4 ${className}`} data-testid="who-to-call">
      <h2 id="who-to-call-h" className="mb-1 text-lg font-semibold">
        {t("contacts.heading")}
      </h2>
      <p className="mb-3 text-sm text-ink-muted">{t("contacts.intro")}</p>
      <ul className="space-y-3">
        {contacts.map((c) => {
          const name = t(`contacts.entries.${c.id}.name`);
          return (
            <li key={c.id} className="rounded-lg border border-line p-3" data-testid={`contact-${c.id}`}>
              <p className="font-semibold">
                {name}
                {c.demo ? <span className="ml-2 rounded bg-warn-soft px-1.5 text-sm font-medium">{t("contacts.demo")}</span> : null}
              </p>
              <p className="mt-1">{t(`contacts.entries.${c.id}.what`)}</p>
              {c.phone ? (
                <a
                  href={`tel:${c.phone}`}
                  className="tap-target mt-2 flex w-full items-center justify-center gap-2 rounded-lg border border-brand px-4 text-lg font-semibold text-brand"
                  data-testid={`call-${c.id}`}
                >
                  {t("contacts.call")} <Num>{c.phone}</Num>
                  <span className="sr-only">{name}</span>
                </a>
              ) : (
                <p className="mt-1 text-sm text-ink-muted">{t("contacts.noPhone")}</p>
              )}
              <p className="mt-2 text-sm text-ink-muted">{t("contacts.source", { document: t(`contacts.documents.${c.source.document}`) })}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
