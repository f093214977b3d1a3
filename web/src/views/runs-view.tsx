// Runs: the runs saved in the server's run store (GET /api/runs), each opened with its settings,
// scenario and report rebuilt from its stored results, and two compared as `brink runs diff` does.
import { useEffect, useState } from 'preact/hooks';
import type { RunSummary, StoredRun } from '../../../src/store/run-store.js';
import { ApiRefusal, getRun, listRuns } from '../api.js';
import { reviveFloats } from '../runs-view/json-text.js';
import { RunDetail } from '../runs-view/run-detail.js';
import { inOrder } from '../runs-view/run-diff.js';
import { RunsDiffView } from '../runs-view/runs-diff-view.js';
import { RUN_COLUMNS, runRow, toggleSelection } from '../runs-view/runs-table.js';
import type { Workbench } from '../workbench.js';

type Shown =
  | { readonly kind: 'none' }
  | { readonly kind: 'run'; readonly run: StoredRun }
  | { readonly kind: 'diff'; readonly a: StoredRun; readonly b: StoredRun };

const fetchRun = async (ref: string) => reviveFloats(await getRun(ref));

function message(e: unknown): string {
  return e instanceof ApiRefusal ? e.message : `cannot reach the server: ${(e as Error).message}`;
}

function EmptyStore() {
  return (
    <div class="runs-empty" data-testid="runs-empty">
      <p>No runs saved yet in this server's run store.</p>
      <p>
        <code>brink analyze</code> saves every run by default (as do <code>brink compare</code> and{' '}
        <code>brink sensitivity</code>; <code>--no-save</code> skips it). Use the same store as this server:
        the default one, or <code>--db FILE</code> on both, e.g. <code>brink analyze --db runs.db</code> then{' '}
        <code>brink serve --db runs.db</code>. Then reload this tab.
      </p>
    </div>
  );
}

export function RunsView(_: { wb: Workbench }) {
  const [runs, setRuns] = useState<RunSummary[] | undefined>();
  const [listError, setListError] = useState<string | undefined>();
  const [selected, setSelected] = useState<string[]>([]);
  const [shown, setShown] = useState<Shown>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [ref, setRef] = useState('');

  const load = () => {
    setListError(undefined);
    listRuns()
      .then(setRuns)
      .catch((e) => setListError(message(e)));
  };
  useEffect(load, []);

  const act = (work: () => Promise<Shown>) => {
    setBusy(true);
    setError(undefined);
    work()
      .then(setShown)
      .catch((e) => setError(message(e)))
      .finally(() => setBusy(false));
  };
  const open = (id: string) => act(async () => ({ kind: 'run', run: await fetchRun(id) }));
  const compare = () =>
    act(async () => {
      const [x, y] = await Promise.all(selected.map(fetchRun));
      const [a, b] = inOrder(x!, y!);
      return { kind: 'diff', a, b };
    });

  return (
    <div class="runs-view" data-testid="runs-view">
      <h2>Stored runs</h2>
      {listError && (
        <p class="error" data-testid="runs-list-error">
          {listError}
        </p>
      )}
      {runs === undefined && !listError && <p>Loading the runs…</p>}
      {runs !== undefined && runs.length === 0 && <EmptyStore />}
      {runs !== undefined && runs.length > 0 && (
        <>
          <p>
            Newest first. Open a run to see its settings, scenario and report (rebuilt from the stored
            results, as <code>brink runs show</code> does); tick two to compare them (
            <code>brink runs diff</code>).
          </p>
          <div class="runs-actions">
            <button
              type="button"
              disabled={selected.length !== 2 || busy}
              onClick={compare}
              data-testid="runs-compare"
            >
              Compare {selected.length === 2 ? `${selected[0]} and ${selected[1]}` : 'two ticked runs'}
            </button>{' '}
            <button type="button" onClick={load} data-testid="runs-refresh">
              Refresh
            </button>
          </div>
          <table class="runs-table" data-testid="runs-table">
            <thead>
              <tr>
                <th>compare</th>
                {RUN_COLUMNS.map((c) => (
                  <th key={c}>{c}</th>
                ))}
                <th />
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr
                  key={r.id}
                  data-testid={`run-row-${r.id}`}
                  class={shown.kind === 'run' && shown.run.id === r.id ? 'open' : ''}
                >
                  <td>
                    <input
                      type="checkbox"
                      checked={selected.includes(r.id)}
                      onChange={(e) =>
                        setSelected((s) => toggleSelection(s, r.id, (e.target as HTMLInputElement).checked))
                      }
                      data-testid={`run-select-${r.id}`}
                      aria-label={`tick ${r.id} to compare`}
                    />
                  </td>
                  {runRow(r).map((v, k) => (
                    <td key={k}>{v}</td>
                  ))}
                  <td>
                    <button type="button" onClick={() => open(r.id)} data-testid={`run-open-${r.id}`}>
                      Open
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <form
        class="runs-ref"
        onSubmit={(e) => {
          e.preventDefault();
          if (ref.trim() !== '') open(ref.trim());
        }}
      >
        <label>
          Open a run by id (<code>r0012</code>, <code>12</code>, <code>latest</code>, <code>latest~1</code>):{' '}
          <input
            value={ref}
            onInput={(e) => setRef((e.target as HTMLInputElement).value)}
            data-testid="run-ref"
            size={12}
          />
        </label>{' '}
        <button type="submit" data-testid="run-ref-open">
          Open
        </button>
      </form>
      {busy && <p>Loading…</p>}
      {error && (
        <p class="error" data-testid="run-error">
          {error}
        </p>
      )}
      {shown.kind === 'run' && <RunDetail run={shown.run} onClose={() => setShown({ kind: 'none' })} />}
      {shown.kind === 'diff' && (
        <RunsDiffView a={shown.a} b={shown.b} onClose={() => setShown({ kind: 'none' })} />
      )}
    </div>
  );
}
