// Reliability (calibration) of probability forecasts (Murphy & Winkler 1977; Bröcker & Smith 2007):
// every (episode, option) forecast p_k with its outcome o_k ∈ {0, 1} is put in one of B equal-width
// bins of p; a calibrated forecaster's mean outcome in each bin equals its mean forecast there.
// With few episodes the bins hold a handful of forecasts each and the diagram is noise, so the
// report draws it only from MIN_CALIBRATION_EPISODES scored episodes on.

export const CALIBRATION_BINS = 5;
export const MIN_CALIBRATION_EPISODES = 10;

export interface CalibrationBin {
  /** [lo, hi) of the bin (the last bin includes 1). */
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
  /** Mean forecast and observed frequency in the bin (NaN when empty). */
  readonly predicted: number;
  readonly observed: number;
}

export function reliabilityBins(
  pairs: readonly { p: number; o: number }[],
  bins = CALIBRATION_BINS,
): CalibrationBin[] {
  return Array.from({ length: bins }, (_, b) => {
    const lo = b / bins;
    const hi = (b + 1) / bins;
    const inBin = pairs.filter(({ p }) => p >= lo && (p < hi || (b === bins - 1 && p <= hi)));
    const n = inBin.length;
    return {
      lo,
      hi,
      count: n,
      predicted: n > 0 ? inBin.reduce((s, x) => s + x.p, 0) / n : Number.NaN,
      observed: n > 0 ? inBin.reduce((s, x) => s + x.o, 0) / n : Number.NaN,
    };
  });
}
