import { constMoney, constPercent, constPoints, type Dec, formatMoney, formatPercent, gt, lte } from "../money";
import { list, render, template } from "../messages";
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
import type { LayerId, Locale } from "../types";

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

/** The explanation templates of one locale, looked up once (they are rendered on every estimate). */
function explainTexts(locale: Locale) {
  const tpl = (key: string) => template(locale, key);
  return {
    assistanceBelow: tpl("explain.assistance.below"),
    assistancePaid: tpl("explain.assistance.paid"),
    assistancePaidNoThreshold: tpl("explain.assistance.paidNoThreshold"),
    backstopAboveStandard: tpl("explain.backstop.aboveStandard"),
    backstopBelowStandard: tpl("explain.backstop.belowStandard"),
    backstopFull: tpl("explain.backstop.full"),
    backstopGuarantee: tpl("explain.backstop.guarantee"),
    backstopGuaranteeMet: tpl("explain.backstop.guaranteeMet"),
    backstopKindNotCovered: tpl("explain.backstop.kindNotCovered"),
    backstopSplit: tpl("explain.backstop.split"),
    basicBelowDeductible: tpl("explain.basic.belowDeductible"),
    basicCapped: tpl("explain.basic.capped"),
    basicOutReferred: tpl("explain.basic.outReferred"),
    basicOutUnreferred: tpl("explain.basic.outUnreferred"),
    basicPaid: tpl("explain.basic.paid"),
    basicTiltDeductible: tpl("explain.basic.tiltDeductible"),
    basicTiltRate: tpl("explain.basic.tiltRate"),
    basicYearlyDeductible: tpl("explain.basic.yearlyDeductible"),
    blocked: tpl("explain.blocked"),
    capReached: tpl("explain.capReached"),
    criticalBelow: tpl("explain.critical.below"),
    criticalEmployee: tpl("explain.critical.employee"),
    criticalPaid: tpl("explain.critical.paid"),
    criticalTilt: tpl("explain.critical.tilt"),
    limitReached: tpl("explain.limitReached"),
    multi: tpl("explain.multi"),
    multiItem: tpl("explain.multiItem"),
    noneCovered: tpl("explain.noneCovered"),
    notEligible: tpl("explain.notEligible"),
    piece: tpl("explain.piece"),
    settled: tpl("explain.settled"),
    tiltedBelow: tpl("explain.tilted.below"),
    tiltedPaid: tpl("explain.tilted.paid"),
    tiltedPaidNoThreshold: tpl("explain.tilted.paidNoThreshold"),
    waiverNotApplicable: tpl("explain.waiver.notApplicable"),
    waiverPaid: tpl("explain.waiver.paid"),
    yearlyBlockedEpisodes: tpl("explain.yearly.blockedEpisodes"),
    yearlyStandalone: tpl("explain.yearly.standalone"),
    yearlyWithSettled: tpl("explain.yearly.withSettled"),
  };
}

type ExplainTexts = ReturnType<typeof explainTexts>;

const EXPLAIN_TEXTS: Record<Locale, ExplainTexts> = { "zh-Hans": explainTexts("zh-Hans"), "zh-Hant": explainTexts("zh-Hant") };

const texts = (run: Run): ExplainTexts => EXPLAIN_TEXTS[run.locale];

// ---- shared

/** One sentence for one episode, or a total plus one item per episode (sentences are indexed by episode). */
function combine(run: Run, sentences: string[], paid: Dec): string {
  if (sentences.length === 1) return sentences[0];
  let details = "";
  for (let i = 0; i < sentences.length; i++) {
    details += render(texts(run).multiItem, { n: i + 1, where: run.where(run.episodes[i]), text: sentences[i] });
  }
  return render(texts(run).multi, { count: sentences.length, paid: formatMoney(paid), details });
}

function settledSentence(run: Run, id: LayerId, paid: Dec): string {
  return render(texts(run).settled, { layer: run.layerName(id), paid: formatMoney(paid) });
}

function startSentence(run: Run, id: LayerId, step: StartStep): string {
  switch (step.step) {
    case "settled":
      return settledSentence(run, id, step.paid);
    case "not-eligible":
      return render(texts(run).notEligible, { layer: run.layerName(id), who: run.catLabels(step.covered) });
    case "blocked":
      return render(texts(run).blocked, { reason: run.labels.reason[step.reason], layer: run.layerName(id) });
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
    sentence = render(texts(run).basicBelowDeductible, { base: formatMoney(step.base), deductible: formatMoney(step.deductible) });
  } else if (step.capped) {
    sentence = render(texts(run).basicCapped, {
      base: formatMoney(step.base),
      deductible: formatMoney(step.applied),
      rate,
      due: formatMoney(step.due),
      cap: formatMoney(step.cap),
      paid: formatMoney(step.paid),
    });
  } else {
    sentence = render(texts(run).basicPaid, { base: formatMoney(step.base), deductible: formatMoney(step.applied), rate, paid: formatMoney(step.paid) });
  }
  for (const a of step.adjustments) {
    switch (a.kind) {
      case "tilt-deductible":
        sentence += render(texts(run).basicTiltDeductible, { who: run.catLabels(a.categories), factor: constPercent(a.factor) });
        break;
      case "yearly-deductible":
        sentence += render(texts(run).basicYearlyDeductible, { deductible: formatMoney(a.deductible) });
        break;
      case "tilt-rate":
        sentence += render(texts(run).basicTiltRate, { who: run.catLabels(a.categories), points: constPoints(a.points) });
        break;
      case "out-of-region":
        sentence += render(a.referred ? texts(run).basicOutReferred : texts(run).basicOutUnreferred, { points: constPoints(a.points) });
        break;
    }
  }
  return sentence;
}

// ---- per-stay layers (鹿寨)

function explainWaiver(run: Run, trace: WaiverTrace, paid: Dec): string {
  const l = trace.layer;
  if (trace.notEligible) return render(texts(run).notEligible, { layer: run.layerName("waiver"), who: run.catLabels(l.categories) });
  const sentences = trace.steps.map((step) => {
    switch (step.step) {
      case "not-applicable":
        return render(texts(run).waiverNotApplicable, {
          where: list(run.locale, l.facility.map((f) => run.labels.facility[f])),
          kind: list(run.locale, l.kinds.map((k) => run.labels.kind[k])),
        });
      case "computed":
        return render(texts(run).waiverPaid, { base: formatMoney(step.base), rate: formatPercent(step.share), paid: formatMoney(step.paid) });
      default:
        return startSentence(run, "waiver", step);
    }
  });
  return combine(run, sentences, paid);
}

function explainGuarantee(run: Run, id: LayerId, trace: GuaranteeTrace, paid: Dec): string {
  const l = trace.layer;
  if (trace.notEligible) return render(texts(run).notEligible, { layer: run.layerName(id), who: run.catLabels(l.categories) });
  const sentences = trace.steps.map((step) => {
    switch (step.step) {
      case "kind-not-covered":
        return render(texts(run).backstopKindNotCovered, { kind: list(run.locale, l.kinds.map((k) => run.labels.kind[k])) });
      case "split":
        return render(texts(run).backstopSplit, { base: formatMoney(step.base), rate: formatPercent(step.share), paid: formatMoney(step.paid) });
      case "guarantee":
        return render(step.met ? texts(run).backstopGuaranteeMet : texts(run).backstopGuarantee, {
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
    s += render(texts(run).yearlyWithSettled, { settled: formatMoney(year.settled), computed: formatMoney(year.computed) });
  }
  if (year.standalone.length) {
    const eps = [...year.standalone].sort((a, b) => a - b).map((i) => String(i + 1));
    s += render(texts(run).yearlyStandalone, { episodes: list(run.locale, eps), layer: run.layerName(id) });
  }
  if (year.blockedEps.length) {
    const eps = [...year.blockedEps].sort((a, b) => a - b).map((i) => String(i + 1));
    s += render(texts(run).yearlyBlockedEpisodes, { episodes: list(run.locale, eps), layer: run.layerName(id) });
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
  return render(texts(run).noneCovered, { layer: run.layerName(id) });
}

function explainCritical(run: Run, trace: CriticalTrace, paid: Dec): string {
  const id: LayerId = "critical";
  const year = trace.year;
  const none = yearlyWithoutFormula(run, id, trace.status, year, () => render(texts(run).criticalEmployee));
  if (none !== null) return none;
  const threshold = trace.threshold!;
  let text: string;
  if (!trace.pieces) {
    text = render(texts(run).criticalBelow, { base: formatMoney(year.base), threshold: formatMoney(threshold) });
  } else {
    let arithmetic = "";
    trace.pieces.forEach((p, i) => {
      arithmetic += (i ? " + " : "") + render(texts(run).piece, { amount: formatMoney(p.amount), rate: constPercent(p.rate) });
    });
    text = render(texts(run).criticalPaid, { base: formatMoney(year.base), threshold: formatMoney(threshold), arithmetic, paid: formatMoney(paid) });
    const cap = trace.cap;
    if (cap && gt(trace.due!, cap)) text += render(texts(run).capReached, { cap: formatMoney(cap) });
  }
  if (trace.tilt) text += render(texts(run).criticalTilt, { who: run.catLabels(trace.tilt.categories), items: trace.tilt.items });
  return text + yearlyTail(run, id, year);
}

const ASSISTANCE_KEYS = {
  assistance: { below: "assistanceBelow", paid: "assistancePaid", paidNoThreshold: "assistancePaidNoThreshold" },
  tilted: { below: "tiltedBelow", paid: "tiltedPaid", paidNoThreshold: "tiltedPaidNoThreshold" },
} as const satisfies Record<string, Record<string, keyof ExplainTexts>>;

function explainAssistance(run: Run, trace: AssistanceTrace, paid: Dec): string {
  const id = trace.id;
  const year = trace.year;
  const who = () => render(texts(run).notEligible, { layer: run.layerName(id), who: run.wording.schemeLayerWho.get(trace.layer)! });
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
  if (lte(year.base, threshold)) text = render(texts(run)[keys.below], vars);
  else text = render(texts(run)[threshold.isZero() ? keys.paidNoThreshold : keys.paid], vars);
  if (trace.limitReached) text += render(texts(run).limitReached, { limit: constMoney(trace.limit!) });
  return text + yearlyTail(run, id, year);
}

function explainAnnualExcess(run: Run, id: LayerId, trace: AnnualExcessTrace, paid: Dec): string {
  const year = trace.year;
  const who = () => render(texts(run).notEligible, { layer: run.layerName(id), who: run.wording.schemeLayerWho.get(trace.layer)! });
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
  if (!scheme.standard) text = render(texts(run).backstopFull, vars);
  else if (trace.belowStandard) text = render(texts(run).backstopBelowStandard, vars);
  else text = render(texts(run).backstopAboveStandard, vars);
  return text + yearlyTail(run, id, year);
}
