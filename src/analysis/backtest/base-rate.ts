// The base-rate baseline: how often decision-makers in the other episodes chose an option of each
// shared class (de-escalate, match, escalate), turned into a forecast over this episode's options.
// Episodes offer different options, so the rate is kept per class, not per option:
//   r(c) = (n_c + 1) / (N + C)   (leave-one-out counts over the other N scored episodes, with
//                                 Laplace's add-one smoothing over the C = 3 classes, so no class
//                                 gets probability 0 from a handful of episodes);
//   q_k ∝ r(class(k)) / m(class(k)),  m(c) = the number of this episode's options in class c,
// normalised over the episode's options: the class's rate is shared equally among its options,
// and classes the episode does not offer drop out.
import { OPTION_CLASSES, type OptionClass } from './episode-schema.js';

/** Smoothed class rates from the real choices' classes of the other episodes. */
export function classRates(realClasses: readonly OptionClass[]): Record<OptionClass, number> {
  const n = realClasses.length;
  const out = {} as Record<OptionClass, number>;
  for (const c of OPTION_CLASSES) {
    const count = realClasses.filter((x) => x === c).length;
    out[c] = (count + 1) / (n + OPTION_CLASSES.length);
  }
  return out;
}

/** The base-rate forecast over options with these classes. */
export function baseRateForecast(
  optionClasses: readonly OptionClass[],
  rates: Record<OptionClass, number>,
): number[] {
  const m = (c: OptionClass) => optionClasses.filter((x) => x === c).length;
  const w = optionClasses.map((c) => rates[c] / m(c));
  const total = w.reduce((s, x) => s + x, 0);
  return w.map((x) => x / total);
}
