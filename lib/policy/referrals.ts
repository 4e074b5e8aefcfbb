import { type Dec, isPositive } from "./money";
import { referralText as referralTextOf } from "./pack-tables";
import type { ReferralDef } from "./pack-schema";
import { type Referral } from "./types";
import { Run, matches } from "./run";

// ------------------------------------------------------------ referrals

export function buildReferrals(run: Run, personal: Dec): Referral[] {
  const def = run.pack.def;
  const out: Referral[] = [];
  for (const r of def.referrals) {
    // One referral per programme: the first that applies.
    if (out.some((o) => o.programme === r.programme) || !referralApplies(run, r, personal)) continue;
    out.push({ programme: r.programme, explanation: referralText(run, r, personal) });
  }
  return out;
}

export function referralApplies(run: Run, r: ReferralDef, personal: Dec): boolean {
  const w = r.when;
  if (w.categoriesAny && !w.categoriesAny.some((c) => run.cats.has(c))) return false;
  if (w.categoriesNone && w.categoriesNone.some((c) => run.cats.has(c))) return false;
  if (w.insurance && !w.insurance.includes(run.insurance)) return false;
  if (w.episodeAny && !run.episodes.some((ep) => matches(w.episodeAny!, ep, run.insurance))) return false;
  if (w.personalPositive && !isPositive(personal)) return false;
  return true;
}

export function referralText(run: Run, r: ReferralDef, personal: Dec): string {
  const wording = run.tables.referrals.get(r)!;
  // Texts that only depend on the pack were rendered when the period was compiled.
  const text =
    run.pack.period.referralTexts[run.locale].get(r) ??
    referralTextOf(run.pack.def, run.pack.params, run.locale, wording.key, wording.slots[run.locale], personal);
  // Referrals list no sources, so of the parameters shown only an assumed value leaves a trace (its assumption).
  for (const pid of wording.params[run.locale]) if (run.pack.params.get(pid)!.reliability === "ASSUMED") run.param(pid);
  return text;
}
