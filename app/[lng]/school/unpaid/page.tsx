import { notFound } from "next/navigation";
import { PupilStatusText } from "@/components/school/pupil-status";
import { PageFrame } from "@/components/shell/page-frame";
import { Notice } from "@/components/ui/cells";
import { requireStaff } from "@/lib/auth/guards";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { frameTexts } from "@/lib/i18n/frame";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { schoolContextFor } from "@/lib/schools/school-context";
import { unpaidByClass } from "@/lib/schools/unpaid";

const count = (value: string | undefined) => Math.max(0, Math.min(1_000_000, Number(value ?? 0) || 0));

/** Who is still unpaid, class by class (after a reconciliation, the classes' lists to chase); masked names. */
export default async function UnpaidPage({ params, searchParams }: { params: Promise<{ lng: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const lng = await pageLocale(params);
  const user = await requireStaff(lng, `/${lng}/school/unpaid`, SCHOOL_ROLES);
  const ctx = await schoolContextFor(user.actor);
  if (!ctx) notFound();
  const query = await searchParams;
  const t = getT(lng, "school");
  const classes = await unpaidByClass(ctx.db, ctx.schoolId);
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("unpaid.heading")} backHref={`/${lng}/school`}>
      {query.reconciled ? (
        <Notice>
          <span data-testid="reconciled">
            {t("unpaid.reconciled", { confirmed: count(query.confirmed), taken: count(query.taken), kept: count(query.kept), unknown: count(query.unknown) })}
          </span>
        </Notice>
      ) : null}
      {classes.length === 0 ? (
        <p className="rounded-xl bg-cell p-4" data-testid="unpaid-none">
          {t("unpaid.none")}
        </p>
      ) : (
        classes.map((c) => (
          <section key={`${c.grade}|${c.className}`} className="mb-4" data-testid="unpaid-class" data-class={`${c.grade} ${c.className}`}>
            <h2 className="mb-2 px-1 font-semibold">
              {t("unpaid.class", { grade: c.grade, className: c.className, count: c.pupils.length })}
            </h2>
            <ul className="divide-y divide-line rounded-xl bg-cell">
              {c.pupils.map((p) => (
                <li key={p.id} className="flex items-baseline justify-between gap-2 px-4 py-2" data-testid="unpaid-pupil">
                  <span>{p.nameMasked}</span>
                  <span className={p.status === "unpaid" ? "text-right font-semibold text-danger" : "text-right text-ink-muted"}>
                    <PupilStatusText t={t} lng={lng} status={p.status} amountDue={p.amountDue} />
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </PageFrame>
  );
}
