// The what-if view: hold parameters at values (the CLI's `brink analyze --set NAME=VALUE`) with
// sliders and number boxes, and read what it does to the outcome classes, the costs, oil and the
// seeds' questions. Changes are gathered for 250 ms before a run starts, so a drag starts one run,
// not dozens; while a run computes, the previous result stays on screen, greyed.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Model } from '../../../src/scenario/model.js';
import { checkHeldValue } from '../whatif/held-value.js';
import { parameterInfluence } from '../whatif/influence-order.js';
import { type ParamState, ParameterPanel } from '../whatif/parameter-panel.js';
import { ResultsPanel } from '../whatif/results-panel.js';
import { type ClassFigure, heldParameters, outcomeFigures } from '../whatif/results.js';
import type { RunSettings, Workbench } from '../workbench.js';

const DEBOUNCE_MS = 250;

/**
 * Outcome classes of runs with nothing held, per scenario model and settings: the Δ column compares
 * a what-if with them. Module-level, so it survives switching tabs.
 */
const references = new WeakMap<Model, Map<string, ClassFigure[]>>();
const settingsKey = (s: { seed: number; draws: number; lambda: number }) =>
  `${s.seed}|${s.draws}|${s.lambda}`;

function sameFixed(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.is(a[k], b[k]));
}

/** Changes waiting for the debounce: parameter → value (undefined: back to drawn), and settings. */
interface Pending {
  fixed: Map<string, number | undefined>;
  settings: Partial<RunSettings>;
}

function Settings({
  settings,
  onChange,
}: {
  settings: RunSettings;
  onChange: (s: Partial<RunSettings>, commit: boolean) => void;
}) {
  const [drafts, setDrafts] = useState<{ draws?: string; seed?: string }>({});
  const [errors, setErrors] = useState<{ draws?: string; seed?: string }>({});
  const field = (key: 'draws' | 'seed', min: number, label: string, help: string) => {
    const update = (text: string, commit: boolean) => {
      setDrafts((d) => ({ ...d, [key]: text }));
      const v = Number(text);
      const ok = text.trim() !== '' && Number.isInteger(v) && v >= min && (key === 'seed' || v <= 100_000);
      setErrors((e) => ({
        ...e,
        [key]: ok ? undefined : `expected a whole number ${key === 'draws' ? 'from 1 to 100,000' : '≥ 0'}`,
      }));
      if (ok) onChange({ [key]: v }, commit);
    };
    return (
      <label class="setting" title={help}>
        {label}{' '}
        <input
          type="number"
          min={min}
          step={1}
          value={drafts[key] ?? String(settings[key])}
          data-testid={`settings-${key}`}
          onInput={(e) => update((e.currentTarget as HTMLInputElement).value, false)}
          onChange={(e) => update((e.currentTarget as HTMLInputElement).value, true)}
        />
        {errors[key] && <span class="field-error"> {errors[key]}</span>}
      </label>
    );
  };
  return (
    <div class="whatif-settings" data-testid="whatif-settings">
      {field('draws', 1, 'Draws', 'Parameter draws (brink analyze --draws); each solves 12 games')}
      {field('seed', 0, 'Seed', 'Seed of the draws (brink analyze --seed)')}
      <span class="muted small" title="Logit QRE rationality (the scenario's defaults.lambda)">
        λ = {settings.lambda}
      </span>
    </div>
  );
}

export function WhatIfView({ wb }: { wb: Workbench }) {
  const latest = useRef(wb);
  latest.current = wb;
  const pending = useRef<Pending>({ fixed: new Map(), settings: {} });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [waiting, setWaiting] = useState(false);
  // What was last handed to the workbench, until it reports a run of exactly that (wb.running with
  // those values): in between, the controls and the result on screen disagree.
  const [submitted, setSubmitted] = useState<{ fixed: Record<string, number>; settings: RunSettings }>();
  useEffect(() => {
    if (
      submitted &&
      wb.running &&
      sameFixed(wb.fixed, submitted.fixed) &&
      wb.settings.seed === submitted.settings.seed &&
      wb.settings.draws === submitted.settings.draws
    )
      setSubmitted(undefined);
  }, [submitted, wb.running, wb.fixed, wb.settings]);
  // Bumped on every change waiting for the debounce, so the controls show it at once.
  const [, setTick] = useState(0);
  // Number-box text that is not (yet) a held value, and messages, per parameter.
  const [drafts, setDrafts] = useState<ReadonlyMap<string, string>>(new Map());
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [notes, setNotes] = useState<ReadonlyMap<string, string>>(new Map());

  const flush = () => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
    const { fixed, settings } = pending.current;
    pending.current = { fixed: new Map(), settings: {} };
    setWaiting(false);
    const now = latest.current;
    const next: Record<string, number> = { ...now.fixed };
    for (const [name, v] of fixed) {
      if (v === undefined) delete next[name];
      else next[name] = v;
    }
    const s = { ...now.settings, ...settings };
    const fixedChanged = !sameFixed(next, now.fixed);
    const settingsChanged = s.seed !== now.settings.seed || s.draws !== now.settings.draws;
    if (fixedChanged) now.setFixed(next);
    if (settingsChanged) now.setSettings(s);
    // Until the workbench reports the new run, the result on screen is not that of the controls.
    if (fixedChanged || settingsChanged) setSubmitted({ fixed: next, settings: s });
  };
  const schedule = (commit: boolean) => {
    if (commit) return flush();
    if (timer.current !== undefined) clearTimeout(timer.current);
    setWaiting(true);
    timer.current = setTimeout(flush, DEBOUNCE_MS);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  const setMessage = (
    setter: (f: (m: ReadonlyMap<string, string>) => ReadonlyMap<string, string>) => void,
    name: string,
    text: string | undefined,
  ) =>
    setter((m) => {
      if (m.get(name) === text) return m;
      const next = new Map(m);
      if (text === undefined) next.delete(name);
      else next.set(name, text);
      return next;
    });

  const hold = (name: string, value: number, commit: boolean) => {
    pending.current.fixed.set(name, value);
    setTick((t) => t + 1);
    schedule(commit);
  };
  const onSlide = (name: string, value: number) => {
    setMessage(setDrafts, name, undefined);
    setMessage(setErrors, name, undefined);
    const check = checkHeldValue(wb.model, name, String(value));
    setMessage(setNotes, name, check.ok ? check.note : undefined);
    hold(name, value, false);
  };
  const onType = (name: string, text: string, commit: boolean) => {
    const check = checkHeldValue(wb.model, name, text);
    if (!check.ok) {
      setMessage(setDrafts, name, text);
      // While typing, "-" or "" are on their way to a number: say so only when the box is left.
      if (commit || text.trim() !== '') setMessage(setErrors, name, check.message);
      // A refused value holds nothing new: a change waiting for the debounce is dropped too.
      pending.current.fixed.delete(name);
      return;
    }
    setMessage(setErrors, name, undefined);
    setMessage(setNotes, name, check.note);
    setMessage(setDrafts, name, commit ? undefined : text);
    hold(name, check.value, commit);
  };
  const onReset = (name: string) => {
    setMessage(setDrafts, name, undefined);
    setMessage(setErrors, name, undefined);
    setMessage(setNotes, name, undefined);
    pending.current.fixed.set(name, undefined);
    flush();
  };
  const onResetAll = () => {
    setDrafts(new Map());
    setErrors(new Map());
    setNotes(new Map());
    for (const name of Object.keys(latest.current.fixed)) pending.current.fixed.set(name, undefined);
    for (const name of pending.current.fixed.keys()) pending.current.fixed.set(name, undefined);
    flush();
  };
  const paramState = (name: string): ParamState => {
    const p = pending.current.fixed;
    const held = p.has(name) ? p.get(name) : wb.fixed[name];
    return { held, draft: drafts.get(name), error: errors.get(name), note: notes.get(name) };
  };

  const outcome = wb.outcome;
  const analysis = outcome?.analysis;
  const held = useMemo(
    () => (analysis ? heldParameters(analysis.run.model, wb.model) : []),
    [analysis, wb.model],
  );
  // Remember the result with nothing held, for the Δ column of later what-ifs on the same settings.
  // (withFixedParameters returns the model itself when nothing is held.)
  if (analysis && !outcome?.partial && analysis.run.model === wb.model) {
    let byModel = references.get(wb.model);
    if (!byModel) references.set(wb.model, (byModel = new Map()));
    byModel.set(settingsKey(analysis.results), outcomeFigures(analysis.results));
  }
  // With the evidence log's priors the run differs from the stored one in more than the held values.
  const reference =
    analysis && !wb.evidencePriors ? references.get(wb.model)?.get(settingsKey(analysis.results)) : undefined;
  const influence = useMemo(
    () =>
      analysis
        ? parameterInfluence(
            analysis.run.records,
            wb.model.params.map((p) => p.name),
          )
        : undefined,
    [analysis, wb.model],
  );
  const movers = useMemo(
    () => [
      ...new Set(wb.model.stages.filter((s) => s.kind === 'decision').map((s) => wb.model.actors[s.actor]!)),
    ],
    [wb.model],
  );

  const state =
    waiting || submitted !== undefined ? 'pending' : wb.running ? 'running' : wb.error ? 'error' : 'done';
  return (
    <div class="whatif" data-testid="whatif">
      <aside class="whatif-controls">
        <Settings
          settings={wb.settings}
          onChange={(s, commit) => {
            pending.current.settings = { ...pending.current.settings, ...s };
            schedule(commit);
          }}
        />
        <ParameterPanel
          model={wb.model}
          state={paramState}
          onSlide={onSlide}
          onType={onType}
          onReset={onReset}
          onResetAll={onResetAll}
          influence={influence}
          draws={analysis?.results.draws}
        />
      </aside>
      <section class="whatif-results" data-testid="whatif-results" data-state={state}>
        <p class={`whatif-status ${state}`} data-testid="whatif-status">
          {state === 'pending'
            ? 'Change noted; the run starts when you stop moving…'
            : state === 'running'
              ? `Computing ${wb.progress?.done ?? 0}/${wb.settings.draws} draws…${
                  outcome?.partial
                    ? ` Shown: the ${outcome.partial.done === 1 ? 'first draw' : `${outcome.partial.done} draws`} done so far (partial; intervals will tighten).`
                    : analysis
                      ? ' (the previous result is shown greyed)'
                      : ''
                }`
              : state === 'error'
                ? `Error: ${wb.error}`
                : outcome
                  ? `${analysis!.results.draws} draws, seed ${analysis!.results.seed}, computed in ${(outcome.ms / 1000).toFixed(1)} s.`
                  : ''}
        </p>
        {analysis ? (
          <div
            class={state === 'done' ? 'whatif-current' : outcome?.partial ? 'whatif-partial' : 'whatif-stale'}
            data-partial={outcome?.partial ? `${outcome.partial.done}/${outcome.partial.total}` : undefined}
          >
            {wb.evidencePriors && (
              <p class="held-line held-some" data-testid="whatif-evidence-priors">
                Type priors from the evidence log
                {wb.evidencePriors.asOf ? ` as of ${wb.evidencePriors.asOf}` : ''}:{' '}
                {wb.evidencePriors.sets
                  .map((s) => `${s.type} = (${s.posterior.map((p) => p.toFixed(3)).join(', ')})`)
                  .join('; ')}{' '}
                (Evidence tab; <code>brink analyze --evidence</code>).
              </p>
            )}
            <ResultsPanel analysis={analysis} held={held} reference={reference} movers={movers} />
          </div>
        ) : (
          <p class="muted">The first run is computing…</p>
        )}
      </section>
    </div>
  );
}
