// A policy comparison's results as a page element: the side-by-side table (`compare-table`) with the
// paired differences, and grouped bar charts. Used by the Policies view (the page's own draws) and by
// the Runs view (a stored `brink compare` run), which hold results of the same shape. `name` prefixes
// the test ids: 'compare' gives the table `compare-table`.
import { useMemo } from 'preact/hooks';
import type { CompareResults } from '../../../src/analysis/compare.js';
import { barChartSpec } from '../../../src/analysis/report/charts.js';
import { VegaChart } from '../charts/vega-chart.js';
import { compareCharts, compareTable } from './compare-table.js';

export function CompareResultsView({ results, name }: { results: CompareResults; name: string }) {
  const table = useMemo(() => compareTable(results), [results]);
  const specs = useMemo(() => compareCharts(results).map((c) => barChartSpec(c)), [results]);
  const policies = results.policies.length;
  return (
    <div class="compare-results">
      <p class="compare-note">
        Each cell: the mean over {results.draws} draws with the 5th–95th percentile of the draws in brackets.
        Differences are taken draw by draw against {results.policies[0]!.label} (common random numbers), then
        summarised; probability differences are in percentage points (pp). Hover a difference for the share of
        draws in which it is positive.
      </p>
      <div class="compare-scroll">
        <table class="compare-table" data-testid={`${name}-table`}>
          <thead>
            <tr>
              <th>figure</th>
              {table.columns.map((c, k) => (
                <th key={c} class={k >= policies ? 'difference' : ''}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          {table.groups.map((g) => (
            <tbody key={g.title}>
              <tr class="group">
                <th colSpan={table.columns.length + 1}>{g.title}</th>
              </tr>
              {g.rows.map((row) => (
                <tr key={row.id} data-testid={`${name}-row-${row.id}`}>
                  <td title={row.trace}>{row.label}</td>
                  {row.cells.map((cell, k) => (
                    <td
                      key={k}
                      class={k >= policies ? 'difference' : ''}
                      title={cell.title}
                      data-value={String(cell.value)}
                    >
                      {cell.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <div class="compare-charts">
        {specs.map((spec, i) => (
          <VegaChart key={i} spec={spec} name={`${name}-chart-${i}`} />
        ))}
      </div>
    </div>
  );
}
