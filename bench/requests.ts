/** Requests the benchmark runs (and their plain-float twins in float-floor.ts). */

const episode = (total: string, facility: string) => ({
  kind: "inpatient",
  facility,
  inRegion: true,
  referred: false,
  designated: true,
  emergency: false,
  cause: "illness",
  total,
  selfFunded: "2000.00",
});

/** One stay: national framework, 低保, 市级医院, 100,000 — all four layers compute. */
export const ONE_EPISODE = {
  policy: "national-2021",
  serviceDate: "2024-03-01",
  locale: "zh-Hans",
  person: { insurance: "resident", categories: ["dibao"] },
  episodes: [episode("100000.00", "city")],
};

/** Five stays in one year: yearly thresholds, caps and limits accumulate. */
export const FIVE_EPISODES = {
  ...ONE_EPISODE,
  episodes: [
    episode("100000.00", "city"),
    episode("30000.00", "county"),
    episode("8000.00", "township"),
    episode("250000.00", "provincial"),
    episode("45000.00", "city"),
  ],
};
