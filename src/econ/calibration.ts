// The figures the oil market model is calibrated on, copied from /work/shared/facts/facts.yaml with
// their fact ids (Brink never reads ../shared at run time). calibration.test.ts checks every copy
// against the facts file when it is present. Judgements are marked as such, with their reason.

/** One copied fact: its id, the field read (default `value`), an optional path into it, the copy. */
export interface FactCopy {
  readonly id: string;
  readonly field?: 'value' | 'move' | 'event';
  readonly path?: readonly string[];
  /** For a numeric copy: the value. For a text field: a fragment it must contain. */
  readonly value: number | readonly number[] | string;
}

/** Every fact the model uses, by role. */
export const FACTS = {
  hormuzFlow: { id: 'hormuz-oil-flow-2024', value: 20 },
  eastWestPipeline: { id: 'saudi-east-west-pipeline', value: 5 },
  habshanFujairah: { id: 'uae-habshan-fujairah-pipeline', value: [1.5, 1.8] },
  spareBypass: { id: 'hormuz-spare-bypass', value: [2.6, 3.5] },
  ieaPublicStocks: { id: 'iea-emergency-stocks-2019', path: ['public'], value: 1.55 },
  ieaIndustryStocks: { id: 'iea-emergency-stocks-2019', path: ['industry_obligated'], value: 0.65 },
  ieaLargestRelease: { id: 'iea-largest-release-before-2026', value: 182 },
  sprDesignRate: { id: 'us-spr-drawdown-rate', path: ['design'], value: 4.4 },
  sprRealisticRate: { id: 'us-spr-drawdown-rate', path: ['realistic'], value: [1.4, 2.1] },
  kilianMurphySupply: { id: 'elasticity-kilian-murphy-2014', path: ['supply'], value: 0.015 },
  kilianMurphyDemand: { id: 'elasticity-kilian-murphy-2014', path: ['demand'], value: -0.26 },
  baumeisterHamiltonSupply: { id: 'elasticity-baumeister-hamilton-2019', path: ['supply'], value: 0.15 },
  baumeisterHamiltonDemand: { id: 'elasticity-baumeister-hamilton-2019', path: ['demand'], value: -0.35 },
  ccIacovielloSupply: { id: 'elasticity-caldara-cavallo-iacoviello-2019', path: ['supply'], value: 0.11 },
  ccIacovielloDemand: { id: 'elasticity-caldara-cavallo-iacoviello-2019', path: ['demand'], value: -0.13 },
  insurance2025Before: { id: 'insurance-2025-06-gulf', path: ['before'], value: [0.002, 0.003] },
  insurance2025After: { id: 'insurance-2025-06-gulf', path: ['after'], value: 0.005 },
  insuranceRedSea2024: { id: 'insurance-2024-red-sea', value: 0.005 },
  insurance2019: { id: 'insurance-2019-gulf', value: [0.002, 0.004] },
  insurance1986: { id: 'insurance-1986-gulf', value: '60% of vessel value for a six-month charter' },
  abqaiq: { id: 'oil-2019-09-abqaiq', field: 'move', value: '+14.6% close' },
  abqaiqSize: { id: 'oil-2019-09-abqaiq', field: 'event', value: '5.7 mb/d, about 5% of world supply' },
  kuwait1990: { id: 'oil-1990-kuwait', field: 'move', value: '+93%' },
  kuwait1990Size: { id: 'oil-1990-kuwait', field: 'event', value: 'about 4.3 mb/d lost' },
  stenaImpero: { id: 'oil-2019-07-stena-impero', field: 'move', value: '+0.9% then +1.2%' },
  gulfOfOman: { id: 'oil-2019-06-gulf-of-oman', field: 'move', value: '+4% intraday' },
  iranIsrael2024Oct: { id: 'oil-2024-10-iran-israel', field: 'move', value: '+2.6% close' },
  iranIsrael2024Apr: { id: 'oil-2024-04-iran-israel', field: 'move', value: '+0.2% close' },
  goldman2025: {
    id: 'hormuz-scenario-goldman-2025',
    value: 'peak about $110 if Hormuz flows fall 50% for one month',
  },
  jpmorgan2025: {
    id: 'hormuz-scenario-jpmorgan-2025',
    value: '$120-130 in a regional war including Hormuz closure',
  },
} as const satisfies Record<string, FactCopy>;

// ---- supply -------------------------------------------------------------------------------------

/** Oil through the strait, mb/d (fact hormuz-oil-flow-2024). */
export const HORMUZ_FLOW_MBD = FACTS.hormuzFlow.value;
/** World liquids demand, mb/d: Hormuz carries "about 20% of world petroleum liquids consumption"
 * (fact hormuz-oil-flow-2024, note), so 20 / 0.2. */
export const WORLD_DEMAND_MBD = 100;
/** Unused bypass capacity (Saudi East–West + UAE Habshan–Fujairah), mb/d: the middle of the EIA and
 * IEA figures (fact hormuz-spare-bypass, 2.6–3.5). */
export const BYPASS_SPARE_MBD = (FACTS.spareBypass.value[0] + FACTS.spareBypass.value[1]) / 2;
/** Days before the bypass carries diverted cargoes. Judgement: the pipelines run below capacity and
 * need their pumping raised, and tankers must be re-routed to Yanbu and Fujairah; the East–West line
 * was raised only "temporarily" in 2019 (fact saudi-east-west-pipeline, note). */
export const BYPASS_DELAY_DAYS = 7;
/** Days from a release decision to oil on the market (fact us-spr-drawdown-rate, note: "about 13 days"). */
export const RELEASE_DELAY_DAYS = 13;
/** The most a release can add, mb/d: the SPR's design drawdown rate plus the largest IEA collective
 * action (fact us-spr-drawdown-rate design 4.4; fact iea-largest-release-before-2026, about 2 mb/d). */
export const MAX_RELEASE_MBD = FACTS.sprDesignRate.value + 2;
/** Volume usable from emergency stocks at once, million barrels: a third (fact
 * iea-emergency-stocks-2019, note "only about a third is usable at once") of public + industry stocks. */
export const RELEASE_VOLUME_MB = ((FACTS.ieaPublicStocks.value + FACTS.ieaIndustryStocks.value) * 1000) / 3;
/** Days for a disruption to reach its full share. Judgement: mining and attacks on shipping build up
 * over a few days (a strike on a processing plant, like Abqaiq, is immediate: 1). */
export const RAMP_DAYS = 3;
/** Days for the flow to recover, linearly, after the disruption ends. Judgement: escorts, mine
 * clearance and insurers' return take about a week. */
export const RECOVERY_DAYS = 7;

// ---- price --------------------------------------------------------------------------------------

/** Brent before the episode, US$/bbl: seed 001, "Brent crude nearing the $ 70-a-barrel threshold". */
export const BRENT_BASE_USD = 70;

/** Short-run elasticities of one study: supply ≥ 0, demand as a positive magnitude |e_d|. */
export interface ElasticityStudy {
  readonly id: string;
  readonly supply: number;
  readonly demand: number;
}

/** The three studies of the facts file, each drawn with probability 1/3. */
export const ELASTICITY_STUDIES: readonly ElasticityStudy[] = [
  {
    id: FACTS.kilianMurphySupply.id,
    supply: FACTS.kilianMurphySupply.value,
    demand: -FACTS.kilianMurphyDemand.value,
  },
  {
    id: FACTS.baumeisterHamiltonSupply.id,
    supply: FACTS.baumeisterHamiltonSupply.value,
    demand: -FACTS.baumeisterHamiltonDemand.value,
  },
  {
    id: FACTS.ccIacovielloSupply.id,
    supply: FACTS.ccIacovielloSupply.value,
    demand: -FACTS.ccIacovielloDemand.value,
  },
];

/** Log-scale spread of each study's estimate around its point value. Judgement: the three point
 * estimates of |e_d| span a factor 2.7 (0.13–0.35); each study's own posterior is about as wide, so
 * σ = 0.3 (a factor 1.35 either way at one σ). */
export const ELASTICITY_LOG_SD = 0.3;

/** Commercial stocks and spare output that stand behind the short-run supply elasticity, million
 * barrels: a third of industry-obligated stocks (fact iea-emergency-stocks-2019, 0.65 bn, and its
 * note that a third is usable at once). Once the cumulative shortfall has used them, only demand
 * adjusts: the effective elasticity falls and the price curve steepens. */
export const SUPPLY_BUFFER_MB = (FACTS.ieaIndustryStocks.value * 1000) / 3;

// ---- threat ---------------------------------------------------------------------------------------

/** Threat levels, 0–4 (a formula may pass any value in between: the anchors are interpolated). */
export const THREAT_LEVELS = ['calm', 'tension', 'seizures', 'attacks', 'war'] as const;

/** Geopolitical risk premium before any barrel is lost, % of the base price, at each threat level. */
export const RISK_PREMIUM_PCT: readonly number[] = [
  0,
  // tension: judgement. Seed 001 reports "a rise in the geopolitical risk premium" over three sessions
  // without a figure; set just below the seizure level.
  1,
  // seizures: fact oil-2019-07-stena-impero, "+0.9% then +1.2%".
  1.2,
  // attacks on shipping or strikes between states: fact oil-2024-10-iran-israel, "+2.6% close".
  2.6,
  // war: judgement. A regional war threatening the Gulf's producers, three times the largest close move
  // with no barrel lost (2.6 %).
  8,
];
/** Log-scale spread of the premium. Judgement: at one level the facts range from +0.2 % (fact
 * oil-2024-04-iran-israel, close) to +5 % (fact oil-2024-10-iran-israel, intraday). */
export const RISK_PREMIUM_LOG_SD = 0.5;

/** Days of one Gulf tanker voyage (fact insurance-2019-gulf, unit: "per voyage (about 7 days)"). */
export const VOYAGE_DAYS = 7;

/** War-risk premium, share of hull value per voyage, at each threat level. */
export const WAR_RISK_PREMIUM: readonly number[] = [
  // calm: the middle of the pre-crisis band (fact insurance-2025-06-gulf, before 0.002–0.003).
  (FACTS.insurance2025Before.value[0] + FACTS.insurance2025Before.value[1]) / 2,
  // tension: the top of that band.
  FACTS.insurance2025Before.value[1],
  // seizures: fact insurance-2025-06-gulf, after 0.005 (and fact insurance-2024-red-sea, 0.005).
  FACTS.insurance2025After.value,
  // attacks: fact insurance-2024-red-sea, note "could soon exceed 1%".
  0.01,
  // war: fact insurance-1986-gulf, 60 % of vessel value for a six-month (182-day) charter, per 7-day voyage.
  (0.6 * VOYAGE_DAYS) / 182,
];
