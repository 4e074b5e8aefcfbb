import { add, type Dec, eq, min, sub, toFen, ZERO } from "../money";
import { type LayerId } from "../types";
import { clampPay, pay, takeSettled } from "./settle";
import type { EpisodeState, Run } from "../run";
import type { YearlyState } from "./trace";

export type { YearlyState } from "./trace";

// The usual arguments of yearlyLoop, made once.
export const policyLeft = (ep: EpisodeState): Dec => ep.policyLeft;
export const nothingDue = (): Dec => ZERO;
export const everyEpisode = (): boolean => true;
export const noEpisode = (): boolean => false;

/**
 * The shared loop of the yearly layers: the year's formula is applied to the
 * cumulative base after each episode, in request order (bills in the order
 * given, contract v2), and the episode is paid the increase of the formula (rounded
 * once), never more than its own base or what it has left.
 *
 * Episodes an exclusion leaves out add nothing to the base and take nothing
 * from it: an excluded stay never shrinks what the other stays get (contract
 * v2, "An excluded episode … never reduces what another episode gets").
 */
export function yearlyLoop(
  run: Run,
  id: LayerId,
  baseOf: (ep: EpisodeState) => Dec,
  formula: (cum: Dec) => Dec,
  eligibleEp: (ep: EpisodeState) => boolean,
): YearlyState {
  const st: YearlyState = {
    cum: ZERO,
    base: ZERO,
    paidSoFar: ZERO,
    settled: ZERO,
    computed: ZERO,
    nComputed: 0,
    nSettled: 0,
    blockedEps: [],
    standalone: [],
  };
  for (const ep of run.episodes) {
    if (ep.settled[id] !== undefined) {
      const s = takeSettled(run, ep, id);
      st.cum = add(st.cum, baseOf(ep));
      st.paidSoFar = add(st.paidSoFar, s);
      st.settled = add(st.settled, s);
      st.nSettled++;
      pay(ep, id, s);
      continue;
    }
    if (ep.blocked[id] !== undefined || !eligibleEp(ep)) {
      if (ep.blocked[id] !== undefined) st.blockedEps.push(ep.i);
      pay(ep, id, ZERO);
      continue;
    }
    const b = baseOf(ep);
    st.cum = add(st.cum, b);
    let p: Dec;
    if (run.pinned(ep, id)) {
      p = clampPay(toFen(formula(b)), min(b, ep.left));
      st.standalone.push(ep.i);
      st.paidSoFar = add(st.paidSoFar, p);
    } else {
      const target = toFen(formula(st.cum));
      const due = sub(target, st.paidSoFar);
      p = clampPay(due, min(b, ep.left));
      // Paid in full, the year's total so far is the target itself.
      st.paidSoFar = eq(p, due) ? target : add(st.paidSoFar, p);
    }
    st.nComputed++;
    run.computedLayer();
    pay(ep, id, p);
  }
  st.computed = sub(st.paidSoFar, st.settled);
  st.base = st.cum;
  return st;
}

/** Whether any episode is left for a yearly layer to compute (otherwise its parameters are not even read). */
export function needsCompute(run: Run, id: LayerId, eligibleEp: (ep: EpisodeState) => boolean): boolean {
  return run.episodes.some((ep) => ep.settled[id] === undefined && ep.blocked[id] === undefined && eligibleEp(ep));
}

/**
 * A yearly layer that does not cover the person (no scheme for their
 * categories, or an insurance it does not model): amounts the settlement
 * slips give are taken as they are, nothing else is paid.
 */
export function yearlyNotCovered(run: Run, id: LayerId): { year: YearlyState; paid: Dec; origin: "settled" | "computed" } {
  const year = yearlyLoop(run, id, policyLeft, nothingDue, noEpisode);
  // nSettled is at most the number of episodes, which is at least one
  return { year, paid: year.settled, origin: year.nSettled === run.episodes.length ? "settled" : "computed" };
}

/** A yearly layer with nothing to compute: only settled amounts, or nothing covered. */
export function yearlyIdle(run: Run, id: LayerId): { year: YearlyState; paid: Dec; origin: "settled" | "computed" } {
  const year = yearlyLoop(run, id, policyLeft, nothingDue, noEpisode);
  return { year, paid: year.settled, origin: year.nSettled ? "settled" : "computed" };
}

/** What a computed yearly layer paid, and its origin (settled when no episode was computed). */
export function yearlyPaid(year: YearlyState): { paid: Dec; origin: "settled" | "computed" } {
  return { paid: add(year.settled, year.computed), origin: year.nComputed || !year.nSettled ? "computed" : "settled" };
}
