// Two stored runs compared (run-diff.ts): their headline figures side by side with the difference,
// then what `brink runs diff` lists — settings, options, scenario text and the differing results.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { formatDifference } from '../../../src/analysis/compare-report.js';
import { formatValue } from '../../../src/analysis/report/format.js';
import { showValue } from '../../../src/store/diff.js';
import type { StoredRun } from '../../../src/store/run-store.js';
import type { HeadlineFigure } from './headline-figures.js';
import { diffRuns } from './run-diff.js';

function figureText(f: HeadlineFigure | undefined): string {
  if (!f) return '—';
  const v = formatValue(f.value, f.format);
  return f.interval
    ? `${v} [${formatValue(f.interval[0], f.format)}, ${formatValue(f.interval[1], f.format)}]`
    : v;
}

function Changes({
  title,
  changes,
}: { title: string; changes: readonly { path: string; old: unknown; new: unknown }[] }) {
  if (changes.length === 0) return <p>{title}: the same</p>;
  return (
    <>
      <p>{title}:</p>
      <ul class="runs-changes">
        {changes.map((c) => (
          <li key={c.path}>
            <code>{c.path}</code>: {showValue(c.old)} → {showValue(c.new)}
          </li>
        ))}
      </ul>
    </>
  );
}

export function RunsDiffView({ a, b, onClose }: { a: StoredRun; b: StoredRun; onClose(): void }) {
  const d = useMemo(() => diffRuns(a, b), [a, b]);
  const top = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: it opens below the list: scroll to it when it changes
  useEffect(() => top.current?.scrollIntoView({ block: 'start' }), [d]);
  const n = d.results.total;
  return (
    <section ref={top} class="runs-diff" data-testid="runs-diff">
      <h3>
        {d.old} → {d.new}{' '}
        <button type="button" onClick={onClose} data-testid="runs-diff-close">
          Close
        </button>
      </h3>
      {d.figures.length > 0 ? (
        <table class="runs-diff-table" data-testid="runs-diff-table">
          <thead>
            <tr>
              <th>figure</th>
              <th>{d.old}</th>
              <th>{d.new}</th>
              <th>
                {d.new} − {d.old}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.figures.map((f) => (
              <tr key={f.id} data-testid={`runs-diff-row-${f.id}`}>
                <td>{f.label}</td>
                <td>{figureText(f.old)}</td>
                <td>{figureText(f.new)}</td>
                <td class="difference" data-value={f.difference === undefined ? '' : String(f.difference)}>
                  {f.difference === undefined ? '—' : formatDifference(f.difference, f.format)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>
          No headline figures to set side by side for these kinds of run ({a.kind}, {b.kind}).
        </p>
      )}
      <h4>
        As brink runs diff {d.old} {d.new} lists it
      </h4>
      <Changes title="run and options" changes={[...d.run, ...d.options]} />
      {d.scenario === '' ? (
        <p>scenario text: the same</p>
      ) : (
        <details>
          <summary>scenario text differs</summary>
          <pre class="runs-scenario-diff">{d.scenario}</pre>
        </details>
      )}
      {n === 0 ? (
        <p data-testid="runs-diff-results">results: the same</p>
      ) : (
        <div data-testid="runs-diff-results">
          <Changes
            title={`results: ${n === 1 ? '1 value differs' : `${n} values differ`}`}
            changes={d.results.changes}
          />
          {n > d.results.changes.length && (
            <p>
              … and {n - d.results.changes.length} more (by section:{' '}
              {Object.entries(d.results.bySection)
                .map(([k, c]) => `${k} ${c}`)
                .join(', ')}
              )
            </p>
          )}
        </div>
      )}
    </section>
  );
}
