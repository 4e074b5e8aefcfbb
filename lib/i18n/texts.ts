import type { TFunction } from "i18next";

/**
 * A namespace's texts handed to a component by its page (`getT(lng, "estimate")`): components never
 * choose a locale or namespace themselves. Used where the keys are built from data (a field, a
 * layer, a reliability mark), which a fixed labels object could not list.
 */
export type EstimateTexts = TFunction;
