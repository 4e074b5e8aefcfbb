import type { LayerDef } from "../pack-schema";
import { annualExcessBackstop } from "./annual-excess-backstop";
import { assistanceLayer } from "./assistance";
import { basicLayer } from "./basic";
import { criticalLayer } from "./critical";
import { guaranteeBackstop } from "./guarantee-backstop";
import { waiverLayer } from "./waiver";
import { LayerOut, Run } from "../run";

// ------------------------------------------------------------ layers

export function runLayer(run: Run, l: LayerDef): LayerOut {
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
