// Prints the oil model's calibration table of docs/econ.md: model median and 80 % band against the
// observed moves and the published Hormuz scenarios (src/econ/episodes.ts).
//   npm run build && node dist/bench/econ-calibration.js
import { HISTORICAL_CASES, HORMUZ_SCENARIOS, runCase } from '../src/econ/episodes.js';

const f = (x: number) => x.toFixed(1);
const FIGURE_LABEL = {
  firstDayPct: 'first day',
  peakPct: 'peak within 90 days',
  meanPct: 'mean over 90 days',
};

for (const [title, cases] of [
  ['Historical moves', HISTORICAL_CASES],
  ['Published Hormuz scenarios', HORMUZ_SCENARIOS],
] as const) {
  console.log(`\n${title}\n`);
  console.log('| case | fact | compared on | actual | model median | model 80 % band | within band |');
  console.log('|---|---|---|---|---|---|---|');
  for (const c of cases) {
    const r = runCase(c);
    console.log(
      `| ${c.label} | ${c.fact} | ${FIGURE_LABEL[c.figure]} | ${c.actualText} | ${f(r.model.median)} % | ${f(r.model.low)} to ${f(r.model.high)} % | ${r.withinBand ? 'yes' : 'no'} |`,
    );
  }
}
