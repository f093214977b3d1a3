// The what-if controls: per parameter a slider, a number box and a reset, grouped by what the
// parameter enters in the game (or ordered by its influence in the run on screen), with a filter.
// A parameter that is not held shows its distribution; one that is held shows its value.
import { useMemo, useState } from 'preact/hooks';
import { OUTCOME_CLASSES } from '../../../src/analysis/outcomes.js';
import { formatNumber } from '../../../src/analysis/report/format.js';
import type { Model, ParamModel } from '../../../src/scenario/model.js';
import type { ParameterSpec } from '../../../src/scenario/schema.js';
import { distributionStats, distributionText, sourceViews, sourcesTitle } from '../scenario-view/describe.js';
import { groupParameters, matchesFilter } from '../scenario-view/param-groups.js';
import type { Influence } from './influence-order.js';
import { byInfluence } from './influence-order.js';
import { type SliderRange, sliderRange } from './slider-range.js';

export interface ParamState {
  /** The value held (applied or waiting for the debounce), if any. */
  readonly held: number | undefined;
  /** The text in the number box while it differs from the held value. */
  readonly draft: string | undefined;
  readonly error: string | undefined;
  readonly note: string | undefined;
}

export interface ParameterPanelProps {
  readonly model: Model;
  readonly state: (name: string) => ParamState;
  readonly onSlide: (name: string, value: number) => void;
  readonly onType: (name: string, text: string, commit: boolean) => void;
  readonly onReset: (name: string) => void;
  readonly onResetAll: () => void;
  /** Influence of each parameter in the run on screen (undefined before the first run). */
  readonly influence: readonly Influence[] | undefined;
  readonly draws: number | undefined;
}

/** The parameter as written in the scenario (unit and description live there, not in the model). */
function writtenSpec(model: Model, p: ParamModel): ParameterSpec | undefined {
  let node: unknown = model.spec;
  for (const k of p.path) node = (node as Record<string | number, unknown> | undefined)?.[k];
  return node as ParameterSpec | undefined;
}

interface RowProps {
  readonly p: ParamModel;
  readonly written: ParameterSpec | undefined;
  readonly range: SliderRange;
  readonly st: ParamState;
  readonly influence?: Influence;
  readonly draws?: number;
  readonly panel: ParameterPanelProps;
}

function influenceText(f: Influence, draws: number | undefined): string {
  if (Number.isNaN(f.rho)) return 'did not vary in this run';
  return `|ρ| = ${f.rho.toFixed(2)} with P(${OUTCOME_CLASSES[f.classIndex]!.label}) over ${draws ?? '?'} draws`;
}

function ParamRow({ p, written, range, st, influence, draws, panel }: RowProps) {
  const name = p.name;
  const held = st.held !== undefined;
  const sources = sourceViews(p.source);
  const dist = distributionText(p.dist);
  const title = [
    name,
    written?.description,
    written?.unit ? `unit: ${written.unit}` : undefined,
    `${dist}: ${distributionStats(p.dist)}`,
    sourcesTitle(sources),
  ]
    .filter(Boolean)
    .join('\n');
  const sliderValue = held ? Math.min(range.max, Math.max(range.min, st.held!)) : range.rest;
  const boxValue = st.draft ?? (held ? String(st.held) : '');
  return (
    <div class={`param-row${held ? ' held' : ''}`} data-testid={`param-row-${name}`}>
      <div class="param-head">
        <span class="param-name" title={title}>
          {name}
        </span>
        <span class="param-dist" title={sourcesTitle(sources)}>
          {held ? (
            <>
              held at <strong>{formatNumber(st.held!)}</strong> <span class="muted">(drawn: {dist})</span>
            </>
          ) : (
            dist
          )}
          {written?.unit ? <span class="muted"> {written.unit}</span> : null}
        </span>
        {influence && <span class="param-influence">{influenceText(influence, draws)}</span>}
      </div>
      <div class="param-controls">
        <input
          type="range"
          min={range.min}
          max={range.max}
          step={range.step}
          value={sliderValue}
          class={held ? '' : 'drawn'}
          aria-label={`${name} (slider)`}
          title={held ? `held at ${st.held}` : `drawn: ${dist} — move to hold a value`}
          data-testid={`param-${name}`}
          onInput={(e) => panel.onSlide(name, Number((e.currentTarget as HTMLInputElement).value))}
        />
        <input
          type="number"
          step="any"
          value={boxValue}
          placeholder="drawn"
          aria-label={`${name} (value)`}
          data-testid={`param-${name}-value`}
          onInput={(e) => panel.onType(name, (e.currentTarget as HTMLInputElement).value, false)}
          onChange={(e) => panel.onType(name, (e.currentTarget as HTMLInputElement).value, true)}
        />
        <button
          type="button"
          class="param-reset"
          disabled={!held && st.draft === undefined}
          title="Back to drawn from its distribution"
          data-testid={`param-${name}-reset`}
          onClick={() => panel.onReset(name)}
        >
          ↺
        </button>
      </div>
      {st.error && (
        <p class="field-error" data-testid={`param-${name}-error`}>
          {st.error}
        </p>
      )}
      {!st.error && st.note && <p class="param-note">{st.note}</p>}
    </div>
  );
}

type Order = 'groups' | 'influence';

const MIN_RANK_DRAWS = 10;

export function ParameterPanel(props: ParameterPanelProps) {
  const { model } = props;
  const [filter, setFilter] = useState('');
  const [order, setOrder] = useState<Order>('groups');
  const groups = useMemo(() => groupParameters(model), [model]);
  const written = useMemo(() => new Map(model.params.map((p) => [p.name, writtenSpec(model, p)])), [model]);
  const ranges = useMemo(
    () => new Map(model.params.map((p) => [p.name, sliderRange(p.dist, written.get(p.name)?.unit)])),
    [model, written],
  );
  const groupOf = useMemo(
    () => new Map(groups.flatMap((g) => g.params.map((p) => [p.name, g.label] as const))),
    [groups],
  );
  const influence = useMemo(
    () => (props.influence ? new Map(props.influence.map((f) => [f.name, f])) : undefined),
    [props.influence],
  );
  const visible = (p: ParamModel) => {
    const w = written.get(p.name);
    return matchesFilter(
      filter,
      p.name,
      groupOf.get(p.name) ?? '',
      distributionText(p.dist),
      w?.description ?? '',
      sourcesTitle(sourceViews(p.source)),
    );
  };
  // With a handful of draws, some class correlates perfectly with almost anything: rank only from
  // MIN_RANK_DRAWS draws up.
  const canRank = props.influence !== undefined && (props.draws ?? 0) >= MIN_RANK_DRAWS;
  const heldCount = model.params.filter((p) => props.state(p.name).held !== undefined).length;
  const row = (p: ParamModel, withInfluence: boolean) => (
    <ParamRow
      key={p.name}
      p={p}
      written={written.get(p.name)}
      range={ranges.get(p.name)!}
      st={props.state(p.name)}
      influence={withInfluence ? influence?.get(p.name) : undefined}
      draws={props.draws}
      panel={props}
    />
  );
  const byName = new Map(model.params.map((p) => [p.name, p]));
  return (
    <div class="param-panel" data-testid="param-panel">
      <div class="param-tools">
        <input
          type="search"
          placeholder={`Filter ${model.params.length} parameters (name, group, source…)`}
          value={filter}
          onInput={(e) => setFilter((e.currentTarget as HTMLInputElement).value)}
          data-testid="param-filter"
        />
        <label>
          Order{' '}
          <select
            value={order}
            onChange={(e) => setOrder((e.currentTarget as HTMLSelectElement).value as Order)}
            data-testid="param-order"
          >
            <option value="groups">by what they enter</option>
            <option value="influence" disabled={!canRank}>
              by influence in this run{canRank ? '' : ` (needs ≥ ${MIN_RANK_DRAWS} draws)`}
            </option>
          </select>
        </label>
        <button
          type="button"
          disabled={heldCount === 0}
          onClick={props.onResetAll}
          data-testid="param-reset-all"
        >
          Reset all ({heldCount} held)
        </button>
      </div>
      {order === 'influence' && canRank ? (
        <>
          <p class="muted small">
            Ordered by the largest |Spearman ρ| between the parameter’s drawn values and an outcome class’s
            probability across the {props.draws} draws of the run on screen: a quick screen, noisy with few
            draws; held and fixed parameters did not vary and come last.
          </p>
          {byInfluence(props.influence!)
            .map((n) => byName.get(n)!)
            .filter(visible)
            .map((p) => row(p, true))}
        </>
      ) : (
        groups.map((g) => {
          const shown = g.params.filter(visible);
          if (shown.length === 0) return null;
          return (
            <details key={g.key} open class="param-group" data-testid={`param-group-${g.key}`}>
              <summary>
                {g.label} <span class="muted">({shown.length})</span>
              </summary>
              {shown.map((p) => row(p, false))}
            </details>
          );
        })
      )}
    </div>
  );
}
