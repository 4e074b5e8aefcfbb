import { add, fenString, formatMoney, parseMoney, ZERO } from "./money";
import { list } from "./messages";
import type { AnnualExcessBackstopDef, PackDef } from "./pack-schema";
import { type CompiledPack } from "./registry";
import type { ParsedHouseholdRequest } from "./request-schema";
import { type Assumption, type Category, type HouseholdMemberResult, type HouseholdResult, type ErrorIssue, type LayerId, type LayerResult, type Referral } from "./types";
import { NO_SKIP, prepareRun, runLayers } from "./engine";
import { annualExcessBackstop } from "./layers/annual-excess-backstop";
import { buildReferrals } from "./referrals";
import { buildAssumptions, buildEpisodeBreakdown, buildExcluded, layerResult, policyHeader, sumUp } from "./result";
import { EpisodeState, NO_LAYER, Run } from "./run";

// ------------------------------------------------------------ households (contract v2)

/**
 * A household request: each member's layers are computed as for a person
 * alone, except a family-level layer (a scheme with `family: true`, e.g. 浙江
 * 低保 / 低边 家庭 兜底 on the family's reasonable personal costs together,
 * 001 二(三)), which is computed once over the pooled members' bills. Its
 * yearly loop attributes the amount to the bills on which the family's
 * running total crosses and stays above the standard: all pooled bills in
 * date order when every one has a date, else members then bills in request
 * order. A member whose own categories give an individual scheme (特困, 因病致困)
 * keeps it; a member with none joins the family's pool.
 */
export function computeHouseholdEstimate(req: ParsedHouseholdRequest, pack: CompiledPack): HouseholdOutcome {
  const memberRuns = req.household.members.map((m, k) =>
    prepareRun({ policy: req.policy, serviceDate: req.serviceDate, locale: req.locale, person: m.person, episodes: m.episodes }, pack, `household.members.${k}.`),
  );
  const early = memberRuns.flatMap((run) => run.issues);
  if (early.length) return { ok: false, issues: early };

  const family = familyScheme(pack.def, memberRuns);
  const pooled = family ? memberRuns.filter((run) => joinsFamily(run, family.layer)) : [];
  const skip: ReadonlySet<LayerId> = family ? new Set([family.layer.id]) : NO_SKIP;
  const memberLayers = memberRuns.map((run) => runLayers(run, pooled.includes(run) ? skip : NO_SKIP));
  const late = memberRuns.flatMap((run, k) => run.issues.map((i) => ({ ...i, path: i.path.startsWith("household.") ? i.path : `household.members.${k}.${i.path}` })));
  if (late.length) return { ok: false, issues: late };

  let familyRun: Run | undefined;
  let familyLayer: LayerResult | undefined;
  if (family && pooled.length) {
    familyRun = new Run(
      {
        policy: req.policy,
        serviceDate: req.serviceDate,
        locale: req.locale,
        person: { insurance: pooled[0].insurance, categories: family.categories },
        episodes: [],
      },
      pack,
    );
    familyRun.household = true;
    familyRun.episodes = poolOrder(pooled);
    const indexes = familyRun.episodes.map((ep) => ep.i);
    familyRun.episodes.forEach((ep, k) => (ep.i = k));
    familyRun.layerPosition = family.position;
    familyRun.startLayer(family.layer);
    familyLayer = layerResult(familyRun, family.layer, annualExcessBackstop(familyRun, family.layer));
    familyLayer.explanation = familyRun.t("explain.household.family", { count: pooled.length }) + familyLayer.explanation;
    familyRun.episodes.forEach((ep, k) => (ep.i = indexes[k]));
    familyRun.layerPosition = NO_LAYER;
    // Each pooled member's share of the family layer, in its place among the member's layers.
    for (const run of pooled) {
      const k = memberRuns.indexOf(run);
      const share = run.episodes.reduce((sum, ep) => add(sum, ep.paid[family.layer.id] ?? ZERO), ZERO);
      const own: LayerResult = {
        id: family.layer.id,
        name: run.layerName(family.layer.id),
        paid: fenString(share),
        origin: "computed",
        explanation: run.t("explain.household.share", { paid: formatMoney(share) }),
        sources: familyLayer.sources,
      };
      memberLayers[k].layers.splice(family.position, 0, own);
      memberLayers[k].reimbursed = add(memberLayers[k].reimbursed, share);
    }
  }

  const memberTotals = memberRuns.map((run, k) => sumUp(run.episodes, memberLayers[k].reimbursed));
  const members: HouseholdMemberResult[] = memberRuns.map((run, k) => {
    const { layers } = memberLayers[k];
    const t = memberTotals[k];
    return {
      index: k,
      total: t.total,
      layers,
      reimbursed: t.reimbursed,
      personal: t.personal,
      personalRatio: t.personalRatio,
      episodes: buildEpisodeBreakdown(run, layers, t),
      excluded: buildExcluded(run),
    };
  });

  const first = memberRuns[0];
  const allEps = memberRuns.flatMap((run) => run.episodes);
  let reimbursed = ZERO;
  const layers: LayerResult[] = first.tables.layerIds.map((id) => {
    let paid = ZERO;
    let settledAll = true;
    const details: string[] = [];
    members.forEach((m, k) => {
      const l = m.layers.find((x) => x.id === id)!;
      paid = add(paid, parseMoney(l.paid));
      if (l.origin !== "settled") settledAll = false;
      details.push(first.t("explain.household.memberItem", { n: k + 1, paid: formatMoney(parseMoney(l.paid)) }));
    });
    reimbursed = add(reimbursed, paid);
    const sources = members[0].layers.find((x) => x.id === id)!.sources;
    const text = first.t("explain.household.layer", { paid: formatMoney(paid), details: list(first.locale, details) });
    if (family && familyLayer && id === family.layer.id) {
      return { ...familyLayer, paid: fenString(paid), explanation: familyLayer.explanation + (pooled.length < members.length ? text : "") };
    }
    return { id, name: first.layerName(id), paid: fenString(paid), origin: settledAll ? "settled" : "computed", explanation: text, sources } as LayerResult;
  });
  const totals = sumUp(allEps, reimbursed);

  const referrals: Referral[] = [];
  memberRuns.forEach((run, k) => {
    for (const r of buildReferrals(run, memberTotals[k].personalAmount)) {
      if (!referrals.some((x) => x.programme === r.programme)) referrals.push(r);
    }
  });

  const assumptions = new Map<string, Assumption>();
  for (const run of familyRun ? [...memberRuns, familyRun] : memberRuns) {
    for (const a of buildAssumptions(run)) {
      const known = assumptions.get(a.id);
      if (!known) assumptions.set(a.id, { ...a, affects: [...a.affects] });
      else for (const id of a.affects) if (!known.affects.includes(id)) known.affects.push(id);
    }
  }
  for (const a of assumptions.values()) a.affects.sort((x, y) => first.tables.layerIndex.get(x)! - first.tables.layerIndex.get(y)!);

  const result: HouseholdResult = {
    policy: policyHeader(first),
    currency: "CNY",
    total: totals.total,
    layers,
    reimbursed: totals.reimbursed,
    personal: totals.personal,
    personalRatio: totals.personalRatio,
    episodes: members.flatMap((m) => m.episodes.map((e) => ({ member: m.index, ...e }))),
    members,
    excluded: members.flatMap((m) => m.excluded.map((x) => ({ member: m.index, ...x }))),
    assumptions: [...assumptions.values()],
    referrals,
  };
  return { ok: true, result };
}

export type HouseholdOutcome = { ok: true; result: HouseholdResult } | { ok: false; issues: ErrorIssue[] };

export interface FamilyScheme {
  layer: AnnualExcessBackstopDef;
  position: number;
  /** The family scheme's categories some member holds. */
  categories: Category[];
}

/** The first family-level scheme (pack order) some member's categories give, with its layer. */
export function familyScheme(def: PackDef, runs: Run[]): FamilyScheme | null {
  for (let position = 0; position < def.layers.length; position++) {
    const l = def.layers[position];
    if (l.rule !== "annual-excess") continue;
    for (const s of l.schemes) {
      if (!s.family) continue;
      const categories = s.categories.filter((c) => runs.some((run) => run.cats.has(c)));
      if (categories.length) return { layer: l, position, categories };
    }
  }
  return null;
}

/** A member joins the family's pool unless their own categories give them an individual scheme. */
export function joinsFamily(run: Run, l: AnnualExcessBackstopDef): boolean {
  const own = l.schemes.find((s) => s.categories.some((c) => run.cats.has(c)));
  return !own || own.family;
}

/** The pooled bills in date order when every one has a date, else members then bills in request order. */
export function poolOrder(pooled: Run[]): EpisodeState[] {
  const eps = pooled.flatMap((run) => run.episodes.map((ep) => ({ ep, date: run.req.episodes[ep.i].date })));
  if (eps.every((x) => x.date !== undefined)) eps.sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
  return eps.map((x) => x.ep);
}
