// The range of a what-if slider for one parameter: the distribution's support where it is bounded,
// else its 1st–99th percentile (src/scenario/distributions.ts), so a slider covers what the draws
// can produce. A point value has no spread: its slider spans zero to twice the value, so it can
// still be moved either way (the number input accepts anything finite); a probability's slider
// stays within [0, 1].
import { type Distribution, mean, quantile, support } from '../../../src/scenario/distributions.js';

export interface SliderRange {
  readonly min: number;
  readonly max: number;
  /** A round step of about 1/100 of the range (a power of ten, or 2 or 5 times one). */
  readonly step: number;
  /** Where the slider rests while the parameter is drawn: the distribution's mean, inside the range. */
  readonly rest: number;
}

/** A round step near span/100: 1, 2 or 5 times a power of ten. */
export function roundStep(span: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / 100;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = [1, 2, 5, 10].find((k) => k * power >= raw * 0.999) ?? 10;
  return unit * power;
}

/** Units the scenario language uses for probabilities. */
const PROBABILITY_UNITS = new Set(['prob', 'probability']);

/** The slider's bounds before rounding: support, or 1st–99th percentile where unbounded. */
export function sliderBounds(d: Distribution, unit?: string): [number, number] {
  if (d.dist === 'point') {
    const v = d.value;
    if (unit !== undefined && PROBABILITY_UNITS.has(unit)) return [0, 1];
    if (v === 0) return [0, 1];
    return v > 0 ? [0, 2 * v] : [2 * v, 0];
  }
  const [lo, hi] = support(d);
  return [Number.isFinite(lo) ? lo : quantile(d, 0.01), Number.isFinite(hi) ? hi : quantile(d, 0.99)];
}

/** Drops binary noise from a multiple of the step (0.1 + 0.2 → 0.3). */
function tidy(x: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(x.toFixed(Math.min(12, digits)));
}

export function sliderRange(d: Distribution, unit?: string): SliderRange {
  const [min, max] = sliderBounds(d, unit);
  const step = roundStep(max - min);
  const m = mean(d);
  const rest = Math.min(max, Math.max(min, Number.isFinite(m) ? m : (min + max) / 2));
  return { min: tidy(min, step), max: tidy(max, step), step, rest };
}
