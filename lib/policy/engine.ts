import { add, type Dec, formatMoney, ZERO } from "./money";
import { type CompiledPack } from "./registry";
import type { ParsedRequest } from "./request-schema";
import { type EstimateResult, type LayerId, type LayerResult } from "./types";
import { runLayer } from "./layers/index";
import { buildReferrals } from "./referrals";
import { addRequestAssumptions, applyCertificationDates, applyExclusions } from "./request-facts";
import { buildAssumptions, buildEpisodeBreakdown, buildExcluded, layerResult, policyHeader, sumUp } from "./result";
import { ComputeOutcome, NO_LAYER, Run } from "./run";

/**
 * computeEstimate: the layers of one policy year, applied in contract order
 * (basic → critical → assistance → tilted → waiver → backstop → charity) on
 * the bases real settlement uses (DOMAIN-BRIEF §3.2). Layer-major: every layer
 * runs over the episodes in request order (bills in the order given, never
 * reordered: contract v2), so yearly thresholds and limits accumulate across
 * episodes while each episode's later layers see what its earlier layers
 * paid. Per-stay rules (鹿寨's 90 % and township split) look at one episode
 * only. Each layer records one rounded amount per episode (the per-episode
 * breakdown); computeHouseholdEstimate (end of file) runs members and a
 * family-level layer. docs/calculation.md has the layer map and the readings.
 */


// ------------------------------------------------------------ entry point

export function computeEstimate(req: ParsedRequest, pack: CompiledPack): ComputeOutcome {
  const run = prepareRun(req, pack);
  if (run.issues.length) return { ok: false, issues: run.issues };
  const { layers, reimbursed } = runLayers(run, NO_SKIP);
  if (run.issues.length) return { ok: false, issues: run.issues };
  const totals = sumUp(run.episodes, reimbursed);
  // Referrals first: an assumed value a referral shows is an assumption too.
  const referrals = buildReferrals(run, totals.personalAmount);
  const result: EstimateResult = {
    policy: policyHeader(run),
    currency: "CNY",
    total: totals.total,
    layers,
    reimbursed: totals.reimbursed,
    personal: totals.personal,
    personalRatio: totals.personalRatio,
    episodes: buildEpisodeBreakdown(run, layers, totals),
    excluded: buildExcluded(run),
    assumptions: buildAssumptions(run),
    referrals,
  };
  return { ok: true, result };
}

export const NO_SKIP: ReadonlySet<LayerId> = new Set();

/** A run with the request's episodes read, checked against the pack, assumptions and exclusions applied. */
export function prepareRun(req: ParsedRequest, pack: CompiledPack, issuePrefix = ""): Run {
  const run = new Run(req, pack);
  const { layerIndex } = run.tables;

  // Input checks that need the pack.
  for (const ep of run.episodes) {
    if (ep.selfAboveTotal) {
      run.issues.push({
        path: `${issuePrefix}episodes.${ep.i}.selfFunded`,
        message: run.t("error.selfFundedAboveTotal", { selfFunded: formatMoney(ep.selfFunded), total: formatMoney(ep.total) }),
      });
    }
    for (const k of ep.settledIds) {
      if (!layerIndex.has(k)) {
        run.issues.push({
          path: `${issuePrefix}episodes.${ep.i}.settled.${k}`,
          message: run.t("error.settledLayerNotInPack", {
            layer: run.layerName(k),
            id: k,
            layers: run.tables.layerIds.join(", "),
          }),
        });
      }
    }
  }
  if (run.issues.length) return run;

  for (const ep of run.episodes) {
    for (const k of ep.settledIds) ep.lastSettled = Math.max(ep.lastSettled, layerIndex.get(k)!);
  }

  addRequestAssumptions(run);
  applyExclusions(run);
  applyCertificationDates(run);
  return run;
}

/** The pack's layers in order, except those in `skip` (computed for a whole household instead), and what they paid. */
export function runLayers(run: Run, skip: ReadonlySet<LayerId>): { layers: LayerResult[]; reimbursed: Dec } {
  const def = run.pack.def;
  const layers: LayerResult[] = [];
  let reimbursed = ZERO;
  for (let position = 0; position < def.layers.length; position++) {
    const l = def.layers[position];
    if (skip.has(l.id)) continue;
    run.layerPosition = position;
    run.startLayer(l);
    const out = runLayer(run, l);
    layers.push(layerResult(run, l, out));
    reimbursed = add(reimbursed, out.paid);
  }
  run.layerPosition = NO_LAYER;
  return { layers, reimbursed };
}
