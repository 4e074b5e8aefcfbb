import { constMoney, constPercent, constPoints, type Dec, formatMoney, formatPercent, gt, lte } from "../money";
import { list } from "../messages";
import type { Run } from "../run";
import type {
  AnnualExcessTrace,
  AssistanceTrace,
  BasicComputed,
  BasicTrace,
  CriticalTrace,
  GuaranteeTrace,
  LayerOutcome,
  StartStep,
  WaiverTrace,
  YearlyState,
} from "../layers/trace";
import type { LayerId } from "../types";

/**
 * The sentence a family reads for a layer, from the layer's numbers and
 * trace (layers/*.ts do the arithmetic, this module only words it): one
 * sentence for one bill, or the total with one item per bill.
 */
export function explainLayer(run: Run, id: LayerId, outcome: LayerOutcome): string {
  const trace = outcome.trace;
  switch (trace.rule) {
    case "basic-insurance":
      return explainBasic(run, trace, outcome.paid);
    case "critical-illness":
      return explainCritical(run, trace, outcome.paid);
    case "medical-assistance":
    case "tilted-assistance":
      return explainAssistance(run, trace, outcome.paid);
    case "facility-split":
      return explainWaiver(run, trace, outcome.paid);
    case "guarantee-ratio":
      return explainGuarantee(run, id, trace, outcome.paid);
    case "annual-excess":
      return explainAnnualExcess(run, id, trace, outcome.paid);
  }
}

// ---- shared

/** One sentence for one episode, or a total plus one item per episode (sentences are indexed by episode). */
function combine(run: Run, sentences: string[], paid: Dec): string {
  if (sentences.length === 1) return sentences[0];
  let details = "";
  for (let i = 0; i < sentences.length; i++) {
    details += run.t("explain.multiItem", { n: i + 1, where: run.where(run.episodes[i]), text: sentences[i] });
  }
  return run.t("explain.multi", { count: sentences.length, paid: formatMoney(paid), details });
}

function settledSentence(run: Run, id: LayerId, paid: Dec): string {
  return run.t("explain.settled", { layer: run.layerName(id), paid: formatMoney(paid) });
}

function startSentence(run: Run, id: LayerId, step: StartStep): string {
  switch (step.step) {
    case "settled":
      return settledSentence(run, id, step.paid);
    case "not-eligible":
      return run.t("explain.notEligible", { layer: run.layerName(id), who: run.catLabels(step.covered) });
    case "blocked":
      return run.t("explain.blocked", { reason: run.labels.reason[step.reason], layer: run.layerName(id) });
  }
}

// ---- 基本医保

function explainBasic(run: Run, trace: BasicTrace, paid: Dec): string {
  const sentences = trace.steps.map((step) => (step.step === "computed" ? basicSentence(run, step) : startSentence(run, "basic", step)));
  return combine(run, sentences, paid);
}

function basicSentence(run: Run, step: BasicComputed): string {
  // A rate read as the pack gives it is the same value object every time: its text is formatted once.
  const rate = step.rateMoved ? formatPercent(step.rate) : constPercent(step.rate);
  let sentence: string;
  if (step.belowDeductible) {
    sentence = run.t("explain.basic.belowDeductible", { base: formatMoney(step.base), deductible: formatMoney(step.deductible) });
  } else if (step.capped) {
    sentence = run.t("explain.basic.capped", {
      base: formatMoney(step.base),
      deductible: formatMoney(step.applied),
      rate,
      due: formatMoney(step.due),
      cap: formatMoney(step.cap),
      paid: formatMoney(step.paid),
    });
  } else {
    sentence = run.t("explain.basic.paid", { base: formatMoney(step.base), deductible: formatMoney(step.applied), rate, paid: formatMoney(step.paid) });
  }
  for (const a of step.adjustments) {
    switch (a.kind) {
      case "tilt-deductible":
        sentence += run.t("explain.basic.tiltDeductible", { who: run.catLabels(a.categories), factor: constPercent(a.factor) });
        break;
      case "yearly-deductible":
        sentence += run.t("explain.basic.yearlyDeductible", { deductible: formatMoney(a.deductible) });
        break;
      case "tilt-rate":
        sentence += run.t("explain.basic.tiltRate", { who: run.catLabels(a.categories), points: constPoints(a.points) });
        break;
      case "out-of-region":
        sentence += run.t(a.referred ? "explain.basic.outReferred" : "explain.basic.outUnreferred", { points: constPoints(a.points) });
        break;
    }
  }
  return sentence;
}

// ---- per-stay layers (鹿寨)

function explainWaiver(run: Run, trace: WaiverTrace, paid: Dec): string {
  const l = trace.layer;
  if (trace.notEligible) return run.t("explain.notEligible", { layer: run.layerName("waiver"), who: run.catLabels(l.categories) });
  const sentences = trace.steps.map((step) => {
    switch (step.step) {
      case "not-applicable":
        return run.t("explain.waiver.notApplicable", {
          where: list(run.locale, l.facility.map((f) => run.labels.facility[f])),
          kind: list(run.locale, l.kinds.map((k) => run.labels.kind[k])),
        });
      case "computed":
        return run.t("explain.waiver.paid", { base: formatMoney(step.base), rate: formatPercent(step.share), paid: formatMoney(step.paid) });
      default:
        return startSentence(run, "waiver", step);
    }
  });
  return combine(run, sentences, paid);
}

function explainGuarantee(run: Run, id: LayerId, trace: GuaranteeTrace, paid: Dec): string {
  const l = trace.layer;
  if (trace.notEligible) return run.t("explain.notEligible", { layer: run.layerName(id), who: run.catLabels(l.categories) });
  const sentences = trace.steps.map((step) => {
    switch (step.step) {
      case "kind-not-covered":
        return run.t("explain.backstop.kindNotCovered", { kind: list(run.locale, l.kinds.map((k) => run.labels.kind[k])) });
      case "split":
        return run.t("explain.backstop.split", { base: formatMoney(step.base), rate: formatPercent(step.share), paid: formatMoney(step.paid) });
      case "guarantee":
        return run.t(step.met ? "explain.backstop.guaranteeMet" : "explain.backstop.guarantee", {
          total: formatMoney(step.total),
          ratio: formatPercent(step.ratio),
          target: formatMoney(step.target),
          reimbursed: formatMoney(step.reimbursed),
          paid: formatMoney(step.paid),
        });
      default:
        return startSentence(run, id, step);
    }
  });
  return combine(run, sentences, paid);
}

// ---- yearly layers

/** Sentences shared by the yearly layers for settled parts and episodes left out. */
function yearlyTail(run: Run, id: LayerId, year: YearlyState): string {
  let s = "";
  if (year.nSettled && year.nComputed) {
    s += run.t("explain.yearly.withSettled", { settled: formatMoney(year.settled), computed: formatMoney(year.computed) });
  }
  if (year.standalone.length) {
    const eps = [...year.standalone].sort((a, b) => a - b).map((i) => String(i + 1));
    s += run.t("explain.yearly.standalone", { episodes: list(run.locale, eps), layer: run.layerName(id) });
  }
  if (year.blockedEps.length) {
    const eps = [...year.blockedEps].sort((a, b) => a - b).map((i) => String(i + 1));
    s += run.t("explain.yearly.blockedEpisodes", { episodes: list(run.locale, eps), layer: run.layerName(id) });
  }
  return s;
}

/**
 * A yearly layer that computed nothing: not covering the person (the slips'
 * amounts, else why not), or nothing left to compute. Null when it computed.
 */
function yearlyWithoutFormula(run: Run, id: LayerId, status: string, year: YearlyState, notCovered: () => string): string | null {
  if (status === "not-covered") return year.nSettled ? settledSentence(run, id, year.settled) : notCovered();
  if (year.nComputed) return null;
  if (year.nSettled) return settledSentence(run, id, year.settled) + yearlyTail(run, id, year);
  return run.t("explain.noneCovered", { layer: run.layerName(id) });
}

function explainCritical(run: Run, trace: CriticalTrace, paid: Dec): string {
  const id: LayerId = "critical";
  const year = trace.year;
  const none = yearlyWithoutFormula(run, id, trace.status, year, () => run.t("explain.critical.employee"));
  if (none !== null) return none;
  const threshold = trace.threshold!;
  let text: string;
  if (!trace.pieces) {
    text = run.t("explain.critical.below", { base: formatMoney(year.base), threshold: formatMoney(threshold) });
  } else {
    let arithmetic = "";
    trace.pieces.forEach((p, i) => {
      arithmetic += (i ? " + " : "") + run.t("explain.piece", { amount: formatMoney(p.amount), rate: constPercent(p.rate) });
    });
    text = run.t("explain.critical.paid", { base: formatMoney(year.base), threshold: formatMoney(threshold), arithmetic, paid: formatMoney(paid) });
    const cap = trace.cap;
    if (cap && gt(trace.due!, cap)) text += run.t("explain.capReached", { cap: formatMoney(cap) });
  }
  if (trace.tilt) text += run.t("explain.critical.tilt", { who: run.catLabels(trace.tilt.categories), items: trace.tilt.items });
  return text + yearlyTail(run, id, year);
}

const ASSISTANCE_KEYS = {
  assistance: { below: "explain.assistance.below", paid: "explain.assistance.paid", paidNoThreshold: "explain.assistance.paidNoThreshold" },
  tilted: { below: "explain.tilted.below", paid: "explain.tilted.paid", paidNoThreshold: "explain.tilted.paidNoThreshold" },
} as const;

function explainAssistance(run: Run, trace: AssistanceTrace, paid: Dec): string {
  const id = trace.id;
  const year = trace.year;
  const who = () => run.t("explain.notEligible", { layer: run.layerName(id), who: run.wording.schemeLayerWho.get(trace.layer)! });
  const none = yearlyWithoutFormula(run, id, trace.status, year, who);
  if (none !== null) return none;
  const threshold = trace.threshold!;
  const vars = {
    scheme: run.wording.schemeNames.get(trace.scheme!)!,
    base: formatMoney(year.base),
    threshold: constMoney(threshold),
    ratio: constPercent(trace.ratio!),
    paid: formatMoney(paid),
  };
  const keys = ASSISTANCE_KEYS[id as "assistance" | "tilted"];
  let text: string;
  if (lte(year.base, threshold)) text = run.t(keys.below, vars);
  else text = run.t(threshold.isZero() ? keys.paidNoThreshold : keys.paid, vars);
  if (trace.limitReached) text += run.t("explain.limitReached", { limit: constMoney(trace.limit!) });
  return text + yearlyTail(run, id, year);
}

function explainAnnualExcess(run: Run, id: LayerId, trace: AnnualExcessTrace, paid: Dec): string {
  const year = trace.year;
  const who = () => run.t("explain.notEligible", { layer: run.layerName(id), who: run.wording.schemeLayerWho.get(trace.layer)! });
  const none = yearlyWithoutFormula(run, id, trace.status, year, who);
  if (none !== null) return none;
  const scheme = trace.scheme!;
  const vars = {
    scheme: run.wording.schemeNames.get(scheme)!,
    base: formatMoney(year.base),
    standard: formatMoney(trace.standard!),
    standardLabel: scheme.standard ? run.t(run.pack.params.get(scheme.standard)!.labelKey) : "",
    paid: formatMoney(paid),
  };
  let text: string;
  if (!scheme.standard) text = run.t("explain.backstop.full", vars);
  else if (trace.belowStandard) text = run.t("explain.backstop.belowStandard", vars);
  else text = run.t("explain.backstop.aboveStandard", vars);
  return text + yearlyTail(run, id, year);
}
