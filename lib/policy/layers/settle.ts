import { type Dec, formatMoney, gt, eq, lte, min, ZERO } from "../money";
import { type Category, type LayerId } from "../types";
import { EpisodeState, Run } from "../run";
import type { StartStep } from "./trace";

/** Record what a layer paid on an episode and move the episode's remainders on. */
export function pay(ep: EpisodeState, id: LayerId, amount: Dec): void {
  ep.paid[id] = amount;
  if (amount.isZero()) return;
  // Paying all of what is left (the same value object) leaves zero, without a subtraction.
  // Comparisons first: a comparison costs less than a subtraction, and paying all that is left is common.
  ep.left = eq(amount, ep.left) ? ZERO : ep.left.minus(amount);
  ep.policyLeft = lte(ep.policyLeft, amount) ? ZERO : ep.policyLeft.minus(amount);
}

/** An amount due, kept within [0, room]. */
export function clampPay(x: Dec, room: Dec): Dec {
  return x.isNeg() && !x.isZero() ? ZERO : gt(x, room) ? room : x;
}

/** Layers that pay only from the in-policy part (政策范围内); 自费 is never theirs. */
export const POLICY_LAYERS: ReadonlySet<LayerId> = new Set<LayerId>(["basic", "critical", "assistance", "tilted"]);

/**
 * Take a settled amount, checking it fits in what is left: the in-policy
 * remainder for insurance and assistance layers, the whole remainder for
 * waivers and 兜底. Otherwise an issue (the contract's "settled amounts above
 * what is left").
 */
export function takeSettled(run: Run, ep: EpisodeState, id: LayerId): Dec {
  const s = ep.settled[id]!;
  const policy = POLICY_LAYERS.has(id);
  const room = policy ? min(ep.policyLeft, ep.left) : ep.left;
  if (gt(s, room)) {
    run.issues.push({
      path: `episodes.${ep.i}.settled.${id}`,
      message: run.t(policy ? "error.settledTooHighPolicy" : "error.settledTooHigh", {
        layer: run.layerName(id),
        amount: formatMoney(s),
        left: formatMoney(room),
      }),
    });
    return room;
  }
  return s;
}

/**
 * How a per-episode layer (waiver, 90 % guarantee) starts on an episode: an
 * amount the settlement slip gives is taken as it is; a person the layer does
 * not cover, or an episode an exclusion leaves out, gets ¥0 with the reason.
 * Null when the layer has to compute the episode itself.
 */
export function episodeStart(run: Run, ep: EpisodeState, id: LayerId, eligible: boolean, covered: readonly Category[]): StartStep | null {
  if (ep.settled[id] !== undefined) {
    const s = takeSettled(run, ep, id);
    pay(ep, id, s);
    return { step: "settled", paid: s };
  }
  if (!eligible) {
    pay(ep, id, ZERO);
    return { step: "not-eligible", covered };
  }
  const reason = ep.blocked[id];
  if (reason !== undefined) {
    pay(ep, id, ZERO);
    return { step: "blocked", reason };
  }
  return null;
}
