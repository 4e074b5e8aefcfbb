import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { Disclosure } from "@/components/form/fields";
import { GlossaryTerms } from "@/components/ui/glossary";
import { groupAssumptions, headlineCaveat, type AssumptionLike } from "@/lib/estimate/assumptions";
import { billSegments, percent } from "@/lib/estimate/shares";
import { formatApproxMoney, formatCalendarDate, formatMoney } from "@/lib/i18n/format";
import type { EstimateTexts } from "@/lib/i18n/texts";
import type { Locale } from "@/lib/i18n/settings";
import { listPolicies, type EstimateResult, type LayerResult, type SourceRef } from "@/lib/policy";
import type { EpisodeKind, LayerId } from "@/lib/policy/types";
import { ShareTools } from "@/components/estimate/share-tools";
import { Num } from "@/components/ui/num";

function documentTitle(lng: Locale, policyId: string, file: string): string {
  const pack = listPolicies().find((p) => p.id === policyId);
  const doc = pack?.documents.find((d) => d.file === file || d.id === file);
  return doc ? doc.title[lng] : file;
}

function Sources({ lng, t, policyId, sources, testId }: { lng: Locale; t: EstimateTexts; policyId: string; sources: SourceRef[]; testId?: string }) {
  if (!sources.length) return null;
  return (
    <div className="mt-1">
      <p className="text-sm text-ink-muted">
        {t("result.basisLine", { clauses: sources.map((s) => s.clause).join("；") })}
      </p>
      <Disclosure summary={t("result.basis")} testId={testId}>
        <ul className="space-y-2">
          {sources.map((s, i) => (
            <li key={i}>
              <p className="font-medium">
                {documentTitle(lng, policyId, s.document)} · {s.clause}
              </p>
              {s.quote ? <blockquote className="border-l-4 border-brand pl-2">“{s.quote}”</blockquote> : null}
              <p className="text-ink-muted">{t(`reliability.${s.reliability}`)}</p>
              {s.url ? (
                <a href={s.url} className="target-link break-all text-brand underline" rel="noreferrer">
                  {s.url}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      </Disclosure>
    </div>
  );
}

function Formula({ lng, t, layer }: { lng: Locale; t: EstimateTexts; layer: LayerResult }) {
  const items: [string, string][] = [];
  if (layer.base !== undefined) items.push([t("result.base"), formatMoney(layer.base, lng)]);
  if (layer.deductible !== undefined) items.push([t("result.deductible"), formatMoney(layer.deductible, lng)]);
  if (layer.rate !== undefined) items.push([t("result.rate"), `${percent(layer.rate, 2)}%`]);
  if (layer.cap !== undefined) items.push([t("result.cap"), formatMoney(layer.cap, lng)]);
  if (!items.length) return null;
  return (
    <dl className="mt-1 grid grid-cols-2 gap-x-3 text-sm">
      {items.map(([k, v]) => (
        <div key={k} className="flex justify-between gap-2 border-b border-line py-0.5">
          <dt className="text-ink-muted">{k}</dt>
          <dd className="tabular-nums"><Num>{v}</Num></dd>
        </div>
      ))}
    </dl>
  );
}

/** The assumptions that matter for this result first; the rest grouped, collapsed, each sentence once. */
function AssumptionList({ lng, t, result }: { lng: Locale; t: EstimateTexts; result: EstimateResult }) {
  const { first, groups } = groupAssumptions(result.assumptions as readonly AssumptionLike[], result.layers);
  const rest = groups.reduce((n, g) => n + g.items.length, 0);
  return (
    <>
      <ul className="mt-1 list-disc space-y-1 pl-5 text-sm" data-testid="assumptions-first">
        {first.map((a, i) => (
          <li key={i}>{a}</li>
        ))}
      </ul>
      {rest ? (
        <Disclosure summary={t("result.assumptionsMore", { n: rest })} testId="assumptions-more">
          {groups.map((g) => (
            <div key={g.id} className="mt-1" data-testid={`assumptions-${g.id}`}>
              <h3 className="font-semibold">{t(`result.assumptionGroup.${g.id}`)}</h3>
              <ul className="list-disc space-y-1 pl-5">
                {g.items.map((a, i) => (
                  <li key={i}>{a}</li>
                ))}
              </ul>
            </div>
          ))}
        </Disclosure>
      ) : null}
    </>
  );
}

/**
 * 每次住院: what each bill cost and who paid it (contract v2 `episodes`, in request order), when there are several.
 * One card per bill with a definition list, so a 390 px screen never squeezes a row of columns; amounts never wrap.
 * A household's member section reuses it with its own `idPrefix` (ids and test ids stay unique) and `heading`.
 */
export function StaysBreakdown({
  lng, t, result, stays, idPrefix = "", heading,
}: {
  lng: Locale;
  t: EstimateTexts;
  result: EstimateResult;
  stays: { date?: string; kind: EpisodeKind }[];
  idPrefix?: string;
  heading?: string;
}) {
  // The layers that paid anything this year: every bill lists the same rows, ¥0.00 where that layer paid nothing.
  const paying = billSegments(result).filter((s) => s.id !== "family");
  return (
    <section aria-labelledby={`${idPrefix}stays-heading`} className="print-wide mt-4" data-testid={`${idPrefix}stays`}>
      <h2 id={`${idPrefix}stays-heading`} className="mb-2 px-1 text-lg font-semibold">
        {heading ?? t("result.staysHeading")}
      </h2>
      <p className="mb-2 px-1 text-sm text-ink-muted">{t("result.staysIntro")}</p>
      <ol className="space-y-2">
        {result.episodes.map((ep) => {
          const info = stays[ep.index];
          const excluded = result.excluded.find((x) => x.episode === ep.index);
          return (
            <li key={ep.index} className="rounded-xl bg-cell px-4 py-3" data-testid={`${idPrefix}stay-result-${ep.index + 1}`}>
              <h3 className="text-base font-semibold" id={`${idPrefix}stay-result-${ep.index + 1}-heading`}>
                {t("result.stayHeading", { n: ep.index + 1 })}
                {info ? ` · ${t(`kind.${info.kind}`)}` : ""}
                {info?.date ? ` · ${formatCalendarDate(info.date, lng)}` : ""}
              </h3>
              <dl className="mt-1 text-sm" aria-labelledby={`${idPrefix}stay-result-${ep.index + 1}-heading`}>
                <div className="flex justify-between gap-3 border-b border-line py-1">
                  <dt>{t("result.stayTotal")}</dt>
                  <dd className="whitespace-nowrap tabular-nums" data-testid={`${idPrefix}stay-${ep.index + 1}-total`}><Num>{formatMoney(ep.total, lng)}</Num></dd>
                </div>
                {paying.map((l) => (
                  <div key={l.id} className="flex justify-between gap-3 border-b border-line py-1">
                    <dt className="text-ink-muted">{l.name}</dt>
                    <dd className="whitespace-nowrap tabular-nums" data-testid={`${idPrefix}stay-${ep.index + 1}-${l.id}`}>
                      <Num>{formatMoney(ep.paid[l.id as LayerId] ?? "0", lng)}</Num>
                    </dd>
                  </div>
                ))}
                <div className="flex justify-between gap-3 py-1 font-semibold">
                  <dt>{t("result.family")}</dt>
                  <dd className="whitespace-nowrap tabular-nums" data-testid={`${idPrefix}stay-${ep.index + 1}-personal`}><Num>{formatMoney(ep.personal, lng)}</Num></dd>
                </div>
              </dl>
              {excluded ? <p className="mt-1 text-sm text-ink-muted">{excluded.explanation}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function ResultView({
  lng, t,
  result,
  shareUrl,
  sharePath,
  changeHref,
  assumedTypical,
  earlierMerged = false,
  stays = [],
  eligibilityHref,
  applyHref,
  family,
}: {
  lng: Locale;
  /** The estimate namespace's texts, from the page. */
  t: EstimateTexts;
  result: EstimateResult;
  shareUrl: string;
  sharePath: string;
  changeHref: string;
  assumedTypical: boolean;
  /** An old link's "earlier stays" total was taken as one stay: say so among the assumptions. */
  earlierMerged?: boolean;
  /** The bills as asked (date, kind), in request order, for the 每次住院 headings. */
  stays?: { date?: string; kind: EpisodeKind }[];
  eligibilityHref: string;
  applyHref: string;
  /** A household's result: its family section (members and their bills) in place of the one-person 每次住院. */
  family?: ReactNode;
}) {
  const segs = billSegments(result);
  const label = (id: string, name: string) => (id === "family" ? t("result.family") : name);
  // A figure that rests on assumed values is given as 约 ¥…, with the values it rests on one tap away.
  const caveat = headlineCaveat(result.assumptions as readonly AssumptionLike[], result.layers);
  const caveatLayers = caveat ? caveat.layers.map((id) => result.layers.find((l) => l.id === id)?.name ?? id).join("、") : "";
  return (
    <div className="estimate-result" data-testid="estimate-result">
      <section aria-labelledby="personal-heading" className="rounded-xl bg-cell px-4 py-4">
        <h2 id="personal-heading" className="text-base text-ink-muted">
          {t("result.personalHeading")}
        </h2>
        <p className="text-4xl font-bold tabular-nums text-ink" data-testid="personal">
          <Num>{caveat ? t("result.approx", { amount: formatApproxMoney(result.personal, lng) }) : formatMoney(result.personal, lng)}</Num>
        </p>
        {caveat ? (
          <div className="mt-1" data-testid="headline-caveat">
            <p className="text-sm font-medium">{t("result.headlineCaveat", { layers: caveatLayers })}</p>
            <Disclosure summary={t("result.headlineCaveatWhich", { n: caveat.texts.length })} testId="headline-assumptions">
              <ul className="list-disc space-y-1 pl-5">
                {caveat.texts.map((text, i) => (
                  <li key={i}>{text}</li>
                ))}
              </ul>
            </Disclosure>
          </div>
        ) : null}
        <p className="mt-1 text-sm">
          {t("result.ofTotal", {
            total: formatMoney(result.total, lng),
            ratio: percent(result.personalRatio, 1),
            reimbursed: formatMoney(result.reimbursed, lng),
          })}
        </p>
        <p className="mt-2 rounded-lg bg-warn-soft px-3 py-2 text-sm font-medium" data-testid="disclaimer">
          {t("result.disclaimer")}
        </p>
        <p className="mt-1 text-sm text-ink-muted">
          {t("result.policyLine", { title: result.policy.title, version: result.policy.version })}
        </p>
      </section>

      <section aria-labelledby="bar-heading" className="mt-4 rounded-xl bg-cell px-4 py-4">
        <h2 id="bar-heading" className="text-lg font-semibold">
          {t("result.barHeading")}
        </h2>
        <div className="mt-2 flex h-10 w-full overflow-hidden rounded-lg border border-ink" aria-hidden="true" data-testid="stacked-bar">
          {segs.map((s) => (
            <div key={s.id} className={`seg seg-${s.id}`} style={{ width: `${percent(s.share, 2)}%` }} title={label(s.id, s.name)} />
          ))}
        </div>
        <table className="mt-3 w-full text-sm" data-testid="bar-table">
          <caption className="sr-only">{t("result.barHeading")}</caption>
          <thead>
            <tr className="text-left text-ink-muted">
              <th scope="col" className="font-normal">{t("result.colWho")}</th>
              <th scope="col" className="pl-3 text-right font-normal">{t("result.colAmount")}</th>
              <th scope="col" className="pl-3 text-right font-normal">{t("result.colShare")}</th>
            </tr>
          </thead>
          <tbody>
            {segs.map((s) => (
              <tr key={s.id} className="border-t border-line" data-testid={`share-${s.id}`}>
                <th scope="row" className="py-1 text-left font-normal">
                  <span className={`seg seg-${s.id} mr-2 inline-block h-4 w-6 rounded-sm border border-ink align-middle`} aria-hidden="true" />
                  {label(s.id, s.name)}
                </th>
                <td className="pl-3 text-right tabular-nums"><Num>{formatMoney(s.paid, lng)}</Num></td>
                <td className="pl-3 text-right tabular-nums"><Num>{percent(s.share, 1)}%</Num></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="layers-heading" className="print-wide mt-4">
        <h2 id="layers-heading" className="mb-2 px-1 text-lg font-semibold">
          {t("result.layersHeading")}
        </h2>
        <ol className="space-y-2">
          {result.layers.map((l) => (
            <li key={l.id} className="rounded-xl bg-cell px-4 py-3" data-testid={`layer-${l.id}`}>
              <div className="flex items-baseline justify-between gap-2">
                <h3 className="text-base font-semibold">{l.name}</h3>
                <span className="shrink-0 text-lg font-semibold tabular-nums" data-testid={`layer-${l.id}-paid`}>
                  <Num>{formatMoney(l.paid, lng)}</Num>
                </span>
              </div>
              <p className="text-sm text-ink-muted">{t(`origin.${l.origin}`)}</p>
              <p className="mt-1 text-sm">{l.explanation}</p>
              <Formula lng={lng} t={t} layer={l} />
              <GlossaryTerms lng={lng} texts={[l.name, l.explanation]} testId={`glossary-${l.id}`} />
              <Sources lng={lng} t={t} policyId={result.policy.id} sources={l.sources} testId={`basis-${l.id}`} />
            </li>
          ))}
        </ol>
      </section>

      {family ?? (result.episodes.length > 1 ? <StaysBreakdown lng={lng} t={t} result={result} stays={stays} /> : null)}

      {result.excluded.length ? (
        <section aria-labelledby="excluded-heading" className="print-wide mt-4 rounded-xl bg-danger-soft px-4 py-3" data-testid="excluded">
          <h2 id="excluded-heading" className="text-lg font-semibold">
            {t("result.excludedHeading")}
          </h2>
          <ul className="mt-1 space-y-2 text-sm">
            {result.excluded.map((e, i) => (
              <li key={i}>
                <p>{e.explanation}</p>
                <Sources lng={lng} t={t} policyId={result.policy.id} sources={e.sources} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="assumptions-heading" className="mt-4 rounded-xl bg-cell px-4 py-3" data-testid="assumptions">
        <h2 id="assumptions-heading" className="text-lg font-semibold">
          {t("result.assumptionsHeading")}
        </h2>
        {assumedTypical ? <p className="mt-1 text-sm font-medium" data-testid="typical-note">{t("result.typicalNote")}</p> : null}
        {earlierMerged ? <p className="mt-1 text-sm font-medium" data-testid="earlier-merged-note">{t("result.earlierMergedNote")}</p> : null}
        <AssumptionList lng={lng} t={t} result={result} />
      </section>

      {result.referrals.length ? (
        <section aria-labelledby="referrals-heading" className="mt-4 rounded-xl bg-cell px-4 py-3" data-testid="referrals">
          <h2 id="referrals-heading" className="text-lg font-semibold">
            {t("result.referralsHeading")}
          </h2>
          <ul className="mt-1 space-y-2 text-sm">
            {result.referrals.map((r, i) => (
              <li key={i}>
                <p className="font-medium">{t(`programme.${r.programme}`)}</p>
                <p>{r.explanation}</p>
                {r.programme === "temporary-relief" ? (
                  <Link href={applyHref} className="target-link no-print text-brand underline" data-testid="estimate-to-apply">
                    {t("result.applyRelief")}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="share-heading" data-testid="share" className="print-wide mt-4 rounded-xl bg-cell px-4 py-3">
        <h2 id="share-heading" className="no-print text-lg font-semibold">
          {t("result.shareHeading")}
        </h2>
        <p className="no-print text-sm text-ink-muted">{t("result.shareHint")}</p>
        <p className="mt-1 break-all text-sm">
          <a href={sharePath} className="target-link text-brand underline" data-testid="share-url">
            {shareUrl}
          </a>
        </p>
        <ShareTools url={shareUrl} labels={{ copy: t("result.copy"), copied: t("result.copied"), print: t("result.print") }} />
        <p className="print-only mt-1 text-xs">{t("result.printFooter")}</p>
      </section>

      <div className="no-print mt-4 flex flex-col gap-2">
        <Link href={changeHref} className="tap-target flex items-center justify-center rounded-xl border border-brand bg-cell px-4 py-3 text-base text-brand" data-testid="change">
          {t("result.change")}
        </Link>
        <Link href={eligibilityHref} className="tap-target flex items-center justify-center rounded-xl border border-brand bg-cell px-4 py-3 text-base text-brand">
          {t("result.checkEligibility")}
        </Link>
      </div>
    </div>
  );
}
