import { D, type Dec } from "./money";
import type { Facility } from "./types";

/** A parameter's value in force, as the registry compiles it: a number, a table by facility level, bands or a flag. */
export type Levels = Record<Facility, Dec>;
export interface Bands {
  basis: "excess" | "cumulative";
  bands: { from: Dec; rate: Dec }[];
}
export type Resolved = Dec | Levels | Bands | boolean;

export function isLevels(v: Resolved): v is Levels {
  return typeof v === "object" && !(v instanceof D) && "township" in v;
}

export function isBands(v: Resolved): v is Bands {
  return typeof v === "object" && !(v instanceof D) && "basis" in v;
}
