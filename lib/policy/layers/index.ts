import type { LayerDef } from "../pack-schema";
import { annualExcessBackstop } from "./annual-excess-backstop";
import { assistanceLayer } from "./assistance";
import { basicLayer } from "./basic";
import { criticalLayer } from "./critical";
import { guaranteeBackstop } from "./guarantee-backstop";
import { waiverLayer } from "./waiver";
import type { Run } from "../run";
import type { LayerOutcome } from "./trace";

/** The layer's formula, picked by the pack's `rule`. */
export function runLayer(run: Run, l: LayerDef): LayerOutcome {
  switch (l.rule) {
    case "basic-insurance":
      return basicLayer(run, l);
    case "critical-illness":
      return criticalLayer(run, l);
    case "medical-assistance":
    case "tilted-assistance":
      return assistanceLayer(run, l);
    case "facility-split":
      return waiverLayer(run, l);
    case "guarantee-ratio":
      return guaranteeBackstop(run, l);
    case "annual-excess":
      return annualExcessBackstop(run, l);
  }
}
