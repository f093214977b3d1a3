// The physical oil shock of a Hormuz disruption, day by day: the flow lost (ramping up over the first
// days, held for the disruption's duration, then recovering linearly), minus what the bypass pipelines
// carry once re-routing is under way (Saudi East–West to Yanbu, UAE Habshan–Fujairah), minus strategic
// stock releases (IEA collective action, US SPR) after their delivery delay and while their usable
// volume lasts. The accounting follows the US EIA's chokepoint analysis (World Oil Transit
// Chokepoints; Today in Energy, 16 June 2025) and the IEA's emergency-response system; figures in
// calibration.ts with their fact ids.

import {
  BYPASS_DELAY_DAYS,
  BYPASS_SPARE_MBD,
  HORMUZ_FLOW_MBD,
  RAMP_DAYS,
  RECOVERY_DAYS,
  RELEASE_DELAY_DAYS,
  RELEASE_VOLUME_MB,
} from './calibration.js';
import { EconInputError } from './errors.js';

export interface SupplyShockInput {
  /** Share of the flow lost at full disruption, 0–1. */
  readonly share: number;
  /** Days of full disruption (the ramp counts in them), ≥ 0. */
  readonly days: number;
  /** Days the path covers (default 90). */
  readonly horizon?: number;
  /** Flow at risk, mb/d (default Hormuz, 20). */
  readonly flowMbd?: number;
  /** Bypass capacity usable once re-routing is under way, mb/d (default 3.05; 0 for a shock the
   * pipelines cannot route around, such as a strike on a processing plant). */
  readonly bypassMbd?: number;
  readonly bypassDelayDays?: number;
  /** Strategic stock release decided on day 0, mb/d (default 0). */
  readonly releaseMbd?: number;
  readonly releaseDelayDays?: number;
  /** Volume the release can draw in all, million barrels. */
  readonly releaseVolumeMb?: number;
  readonly rampDays?: number;
  readonly recoveryDays?: number;
}

export interface SupplyShockPath {
  /** Flow lost on each day before any offset, mb/d. */
  readonly gross: number[];
  readonly bypass: number[];
  readonly release: number[];
  /** gross − bypass − release, ≥ 0, mb/d. */
  readonly net: number[];
}

export const DEFAULT_HORIZON_DAYS = 90;
/** The longest horizon accepted (a year). */
export const MAX_HORIZON_DAYS = 365;

function check(name: string, x: number, ok: boolean, expected: string): void {
  if (!(Number.isFinite(x) && ok)) throw new EconInputError(`${name} ${x}: expected ${expected}`);
}

/** Validates the input; throws EconInputError naming the field and what was expected. */
export function checkSupplyShockInput(i: SupplyShockInput): void {
  check('share', i.share, i.share >= 0 && i.share <= 1, 'a share from 0 to 1');
  check('days', i.days, i.days >= 0, 'a number of days ≥ 0');
  const h = i.horizon ?? DEFAULT_HORIZON_DAYS;
  check(
    'horizon',
    h,
    Number.isInteger(h) && h >= 1 && h <= MAX_HORIZON_DAYS,
    `an integer from 1 to ${MAX_HORIZON_DAYS}`,
  );
  const nonNegative: [string, number | undefined][] = [
    ['flow', i.flowMbd],
    ['bypass', i.bypassMbd],
    ['bypass delay', i.bypassDelayDays],
    ['release', i.releaseMbd],
    ['release delay', i.releaseDelayDays],
    ['release volume', i.releaseVolumeMb],
    ['recovery days', i.recoveryDays],
  ];
  for (const [name, x] of nonNegative) if (x !== undefined) check(name, x, x >= 0, 'a number ≥ 0');
  if (i.rampDays !== undefined) check('ramp days', i.rampDays, i.rampDays >= 1, 'a number ≥ 1');
}

/**
 * The share of the full disruption in force on day t (0-based; day t covers [t, t + 1)): rising
 * linearly to 1 over the ramp, held until `days`, then falling linearly to 0 over the recovery. A
 * disruption of fractional length counts its last part-day pro rata.
 */
export function disruptionProfile(t: number, days: number, rampDays: number, recoveryDays: number): number {
  if (days <= 0) return 0;
  const ramp = Math.min(1, (t + 1) / rampDays);
  if (t + 1 <= days) return ramp;
  // The level reached when the disruption ends, then the recovery from it.
  const end = Math.min(1, days / rampDays);
  const inDisruption = Math.max(0, days - t); // part of day t still disrupted
  const since = t + 1 - days;
  const recovering = recoveryDays > 0 ? Math.max(0, 1 - since / recoveryDays) : 0;
  return end * (inDisruption + (1 - inDisruption) * recovering);
}

/** The day-by-day supply shock. Pure; throws EconInputError on invalid input. */
export function supplyShock(i: SupplyShockInput): SupplyShockPath {
  checkSupplyShockInput(i);
  const horizon = i.horizon ?? DEFAULT_HORIZON_DAYS;
  const flow = i.flowMbd ?? HORMUZ_FLOW_MBD;
  const bypassCap = i.bypassMbd ?? BYPASS_SPARE_MBD;
  const bypassDelay = i.bypassDelayDays ?? BYPASS_DELAY_DAYS;
  const releaseRate = i.releaseMbd ?? 0;
  const releaseDelay = i.releaseDelayDays ?? RELEASE_DELAY_DAYS;
  let releaseLeft = i.releaseVolumeMb ?? RELEASE_VOLUME_MB;
  const ramp = i.rampDays ?? RAMP_DAYS;
  const recovery = i.recoveryDays ?? RECOVERY_DAYS;
  const gross: number[] = [];
  const bypass: number[] = [];
  const release: number[] = [];
  const net: number[] = [];
  for (let t = 0; t < horizon; t++) {
    const g = i.share * flow * disruptionProfile(t, i.days, ramp, recovery);
    // Pipelines only carry what the strait no longer does, and only once re-routing is under way.
    const b = t >= bypassDelay ? Math.min(g, bypassCap) : 0;
    // A release is drawn only to cover a remaining shortfall, and only while stocks last.
    const r = t >= releaseDelay ? Math.min(g - b, releaseRate, releaseLeft) : 0;
    releaseLeft -= r;
    gross.push(g);
    bypass.push(b);
    release.push(r);
    net.push(Math.max(0, g - b - r));
  }
  return { gross, bypass, release, net };
}

/** Mean of the net shortfall over the first `days` days (the disruption itself), mb/d; 0 for none. */
export function meanNetShortfall(path: SupplyShockPath, days: number): number {
  const n = Math.min(path.net.length, Math.ceil(days));
  if (n <= 0) return 0;
  let s = 0;
  for (let t = 0; t < n; t++) s += path.net[t]!;
  return s / n;
}
