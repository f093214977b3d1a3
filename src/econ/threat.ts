// Threat levels (calibration.ts THREAT_LEVELS: calm 0, tension 1, seizures 2, attacks 3, war 4) and
// the figures anchored on them. A formula may pass any level in [0, 4]: between two anchors the figure
// is interpolated linearly, so it rises continuously with the threat.
import { RISK_PREMIUM_PCT, THREAT_LEVELS, WAR_RISK_PREMIUM } from './calibration.js';
import { EconInputError } from './errors.js';

export const MAX_THREAT = THREAT_LEVELS.length - 1;

/** The threat level of a name ('war') or number ('2.5'); throws EconInputError otherwise. */
export function threatLevel(text: string): number {
  const k = (THREAT_LEVELS as readonly string[]).indexOf(text);
  if (k >= 0) return k;
  const x = text.trim() === '' ? Number.NaN : Number(text);
  if (!(Number.isFinite(x) && x >= 0 && x <= MAX_THREAT)) {
    throw new EconInputError(
      `threat ${text}: expected one of ${THREAT_LEVELS.join(', ')} or a number from 0 to ${MAX_THREAT}`,
    );
  }
  return x;
}

/** Linear interpolation of anchors[0..4] at level; NaN outside [0, 4] or for NaN. */
export function atThreat(anchors: readonly number[], level: number): number {
  if (!(level >= 0 && level <= anchors.length - 1)) return Number.NaN;
  const k = Math.min(Math.floor(level), anchors.length - 2);
  const f = level - k;
  return anchors[k]! + f * (anchors[k + 1]! - anchors[k]!);
}

/** Geopolitical risk premium before any barrel is lost, % of the base price (median; see price-fan.ts
 * for its spread). */
export function riskPremiumPct(level: number): number {
  return atThreat(RISK_PREMIUM_PCT, level);
}

/** War-risk insurance premium, share of hull value per voyage (about 7 days). */
export function warRiskPremium(level: number): number {
  return atThreat(WAR_RISK_PREMIUM, level);
}

/**
 * The threat level whose war-risk premium is `premium` (the inverse of warRiskPremium, which rises with
 * the level): how a scenario's insurance rate reads on the threat scale. Clamped to [0, 4].
 */
export function threatOfWarRiskPremium(premium: number): number {
  if (Number.isNaN(premium)) return Number.NaN;
  if (premium <= WAR_RISK_PREMIUM[0]!) return 0;
  for (let k = 0; k < WAR_RISK_PREMIUM.length - 1; k++) {
    const lo = WAR_RISK_PREMIUM[k]!;
    const hi = WAR_RISK_PREMIUM[k + 1]!;
    if (premium <= hi) return k + (premium - lo) / (hi - lo);
  }
  return MAX_THREAT;
}
