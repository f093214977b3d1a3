// How an oil price path feeds back into the actors' costs (seed 003: "an economic feedback loop that
// directly impacts domestic political stability within the United States"). Accounting identities,
// not estimates: an exporter's revenue is volume × price, an importer's bill moves with the price; the
// weights that turn them into utility are the scenario's (sourced there), so a scenario can change them.

/**
 * An exporter's revenue change, as a share of its pre-crisis revenue, when it loses a share v of its
 * export volume and the price changes by p %: (1 − v)(1 + p/100) − 1. A partial closure can raise the
 * revenue of an exporter whose barrels still get out (the price rise outweighs the volume lost); a full
 * closure of its route costs it everything whatever the price.
 */
export function exporterRevenueChange(volumeLostShare: number, priceChangePct: number): number {
  return (1 - volumeLostShare) * (1 + priceChangePct / 100) - 1;
}

/**
 * An importer's cost of a price change of p %, in the scenario's utility units: `costPer10Pct` per +10 %
 * (the US's C_opportunity.oil — inflation and domestic politics — and China's import bill). Linear in
 * the price, so a fall is a gain.
 */
export function importerCost(priceChangePct: number, costPer10Pct: number): number {
  return (costPer10Pct * priceChangePct) / 10;
}

/**
 * The extra war-risk insurance paid on a cargo, as a share of hull value per voyage, above the calm
 * level (what the Gulf exporters' shipping bears).
 */
export function insuranceSurcharge(premium: number, calmPremium: number): number {
  return Math.max(0, premium - calmPremium);
}
