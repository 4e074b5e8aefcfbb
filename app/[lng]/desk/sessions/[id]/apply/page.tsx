import { notFound } from "next/navigation";
import { AssistedFrame } from "@/components/desk/assisted-frame";
import { PageFrame } from "@/components/shell/page-frame";
import { Link } from "@/components/ui/link";
import { serviceContext } from "@/lib/applications/context";
import { SECTION_IDS } from "@/lib/applications/draft-schema";
import { requireStaff } from "@/lib/auth/guards";
import { assistedDraft } from "@/lib/desk/assisted";
import { frameTexts } from "@/lib/i18n/frame";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

/** The applicant's 临时救助 application at the desk: the citizen's task list, in the assisted frame. */
export default async function AssistedApplyPage({ params }: { params: Promise<{ lng: string; id: string }> }) {
  const lng = await pageLocale(params);
  const { id } = await params;
  const user = await requireStaff(lng, `/${lng}/desk/sessions/${id}/apply`, ["desk"]);
  const draft = await assistedDraft(await serviceContext(), user, id);
  // Another area's session, one withdrawn, handed over or already submitted: not found.
  if (!draft) notFound();
  const t = getT(lng, "apply");
  const td = getT(lng, "desk");
  const done = SECTION_IDS.filter((s) => draft.statuses[s] === "completed").length;
  const base = `/${lng}/desk/sessions/${id}/apply`;
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={td("assisted.title")} backHref={`/${lng}/desk/sessions/${id}`}>
      <AssistedFrame person={draft.person} texts={{ whose: td("session.whose"), noPhone: td("home.noPhone"), note: td("assisted.frameNote") }} />
      <p className="mb-3 text-sm text-ink-muted" data-testid="progress-count">
        {t("taskList.progress", { done, total: SECTION_IDS.length })}
      </p>
      <ol className="mb-5 divide-y divide-line overflow-hidden rounded-xl bg-cell" data-testid="task-list">
        {SECTION_IDS.map((s, i) => (
          <li key={s} id={s}>
            <Link href={`${base}/${s}`} className="tap-target flex items-center justify-between gap-3 px-4 py-3" aria-describedby={`status-${s}`}>
              <span className="font-medium">
                {i + 1}. {t(`sections.${s}.title`)}
              </span>
              <span
                id={`status-${s}`}
                data-testid={`status-${s}`}
                className={`shrink-0 rounded-full px-3 py-1 text-sm ${draft.statuses[s] === "completed" ? "bg-brand-soft font-medium" : "bg-page text-ink-muted"}`}
              >
                {t(`taskList.${draft.statuses[s]}`)}
              </span>
            </Link>
          </li>
        ))}
      </ol>
      <Link href={`${base}/review`} className="tap-target inline-flex w-full items-center justify-center rounded-lg bg-brand text-lg font-semibold text-white" data-testid="go-review">
        {td("assisted.review")}
      </Link>
    </PageFrame>
  );
}
