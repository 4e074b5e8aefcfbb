import { Link } from "@/components/ui/link";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { CellGroup, LinkCell, NoteCell, Notice } from "@/components/ui/cells";
import { icons } from "@/components/ui/icons";
import { getT } from "@/lib/i18n/server";
import { pageLocale } from "@/lib/i18n/page";

const citizenTasks = [
  { key: "eligibility", path: "eligibility" },
  { key: "estimate", path: "estimate" },
  { key: "apply", path: "apply" },
  { key: "track", path: "progress" },
] as const;

export default async function HomePage({ params }: { params: Promise<{ lng: string }> }) {
  const lng = await pageLocale(params);
  const t = getT(lng);
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("home.title")}>
      <p className="mb-4 text-base text-ink-muted">{t("home.greeting")}</p>
      <section aria-labelledby="tasks-heading" className="mb-6">
        <h2 id="tasks-heading" className="sr-only">
          {t("home.tasksHeading")}
        </h2>
        <ul className="grid grid-cols-2 gap-3">
          {citizenTasks.map((task) => (
            <li key={task.key}>
              <Link
                href={`/${lng}/${task.path}`}
                className="flex h-full min-h-[7.5rem] flex-col justify-between rounded-2xl bg-cell p-3 shadow-sm active:bg-brand-soft"
                data-testid={`tile-${task.key}`}
              >
                <span aria-hidden="true" className="h-9 w-9 text-brand">
                  {icons[task.key]}
                </span>
                <span>
                  <span className="block text-lg font-semibold text-balance">{t(`home.${task.key}`)}</span>
                  <span className="block text-sm leading-snug text-ink-muted">{t(`home.${task.key}Hint`)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <CellGroup heading={t("home.othersHeading")} id="others-heading">
        <LinkCell href={`/${lng}/staff/login`} title={t("home.staffSignIn")} hint={t("home.staffSignInHint")} icon={icons.desk} />
        <NoteCell testId="coming-later">{t("home.comingLater")}</NoteCell>
      </CellGroup>
      <Notice>{t("home.disclaimer")}</Notice>
    </PageFrame>
  );
}
