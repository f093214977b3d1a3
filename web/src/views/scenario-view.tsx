// The scenario as an analyst inspects it: actors and their private types with priors, the move
// order, the escalation ladders, every parameter with its distribution and sources (the seed's
// quoted sentence on hover and on click), the payoff terms and named formulas as written.
import { useMemo, useState } from 'preact/hooks';
import type { Model } from '../../../src/scenario/model.js';
import type { ParameterSpec } from '../../../src/scenario/schema.js';
import { isChanceStage } from '../../../src/scenario/schema.js';
import { distributionStats, distributionText, sourceViews, sourcesTitle } from '../scenario-view/describe.js';
import { effectLines, ladderOutlines, namedFormulaRows, payoffRows } from '../scenario-view/outline.js';
import { groupParameters, matchesFilter } from '../scenario-view/param-groups.js';
import { SourceList } from '../scenario-view/source-list.js';
import type { Workbench } from '../workbench.js';

function Actors({ model }: { model: Model }) {
  const { spec } = model;
  return (
    <section data-testid="scenario-actors">
      <h2>Actors</h2>
      <table>
        <thead>
          <tr>
            <th>actor</th>
            <th>kind</th>
            <th>label</th>
            <th>belongs to</th>
            <th>private types (prior)</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(spec.actors).map(([id, a]) => {
            const types = Object.entries(spec.types).filter(([, t]) => t.actor === id);
            return (
              <tr key={id} data-testid={`scenario-actor-${id}`} title={a.description ?? ''}>
                <td>
                  <code>{id}</code>
                </td>
                <td>{a.kind}</td>
                <td>{a.label ?? ''}</td>
                <td>{a.parent ?? ''}</td>
                <td>
                  {types.map(([tid, t]) => (
                    <div key={tid} class="type-prior" title={t.description ?? ''}>
                      <strong>{t.label ?? tid}</strong> (<code>{tid}</code>
                      {t.observed_by?.length ? `, known to ${t.observed_by.join(', ')}` : ''}):{' '}
                      {Object.entries(t.prior).map(([v, p], i) => (
                        <span key={v}>
                          {i > 0 ? '; ' : ''}
                          <code>{v}</code> = <span class="formula">{String(p)}</span>
                        </span>
                      ))}
                    </div>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Moves({ model }: { model: Model }) {
  return (
    <section data-testid="scenario-moves">
      <h2>Move order</h2>
      <p class="muted small">
        After the private types are drawn ({model.types.map((t) => t.id).join(', ') || 'none'}), the stages
        play in this order; a stage with a condition happens only where it holds.
      </p>
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>stage</th>
            <th>who</th>
            <th>when</th>
            <th>options / outcomes</th>
          </tr>
        </thead>
        <tbody>
          {model.spec.stages.map((s, i) => {
            const m = model.stages[i]!;
            return (
              <tr key={s.id} data-testid={`scenario-stage-${s.id}`} title={s.description ?? ''}>
                <td>{i + 1}</td>
                <td>
                  <code>{s.id}</code>
                  {s.label ? <div class="muted small">{s.label}</div> : null}
                </td>
                <td>{isChanceStage(s) ? 'chance' : s.actor}</td>
                <td class="formula">{s.when === undefined ? '' : String(s.when)}</td>
                <td>
                  {isChanceStage(s)
                    ? Object.entries(s.chance).map(([id, o]) => (
                        <div key={id} title={effectLines(o.effects).join('\n')}>
                          <code>{id}</code>: P = <span class="formula">{String(o.prob)}</span>
                          {o.ends ? ' (ends)' : ''}
                          {o.effects ? (
                            <span class="muted small"> — {effectLines(o.effects).join('; ')}</span>
                          ) : null}
                        </div>
                      ))
                    : m.choices.map((c, k) => (
                        <span key={c.id} title={c.label}>
                          {k > 0 ? ', ' : ''}
                          <code>{c.id}</code>
                          <span class="muted small">
                            {' '}
                            ({c.ladder} {c.rank})
                          </span>
                        </span>
                      ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Ladders({ model }: { model: Model }) {
  const ladders = useMemo(() => ladderOutlines(model.spec), [model]);
  return (
    <section data-testid="scenario-ladders">
      <h2>Escalation ladders</h2>
      {ladders.map((l) => (
        <div key={`${l.actor}.${l.id}`} class="ladder" data-testid={`scenario-ladder-${l.actor}-${l.id}`}>
          <h3>
            {l.actor}: {l.label} <span class="muted small">({l.id})</span>
          </h3>
          {l.description && <p class="muted small">{l.description}</p>}
          <table>
            <thead>
              <tr>
                <th>rank</th>
                <th>option</th>
                <th>effects</th>
                <th>available</th>
                <th>source</th>
              </tr>
            </thead>
            <tbody>
              {l.rungs.map((r) => (
                <tr key={r.id} title={r.description ?? ''}>
                  <td>
                    {r.rank}
                    {r.thresholds.map((t) => (
                      <div key={t} class="rung-threshold">
                        ▲ crosses {t}
                      </div>
                    ))}
                  </td>
                  <td>
                    <code>{r.id}</code>
                    {r.label !== r.id ? <div class="small">{r.label}</div> : null}
                    {r.ends ? <div class="muted small">ends the episode</div> : null}
                  </td>
                  <td class="formula">
                    {r.effects.map((e) => (
                      <div key={e}>{e}</div>
                    ))}
                  </td>
                  <td class="formula">{r.available ?? ''}</td>
                  <td>
                    <SourceList source={r.source} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

function writtenSpec(model: Model, path: readonly (string | number)[]): ParameterSpec | undefined {
  let node: unknown = model.spec;
  for (const k of path) node = (node as Record<string | number, unknown> | undefined)?.[k];
  return node as ParameterSpec | undefined;
}

function Parameters({ model, filter }: { model: Model; filter: string }) {
  const groups = useMemo(() => groupParameters(model), [model]);
  const shownCount = groups.reduce((n, g) => n + g.params.length, 0);
  return (
    <section data-testid="scenario-parameters">
      <h2>Parameters ({shownCount})</h2>
      <p class="muted small">
        Grouped by what each parameter enters in the game (through named formulas). Hover a source for its
        quote; click it to read the quote in full.
      </p>
      {groups.map((g) => {
        const rows = g.params.filter((p) => {
          const w = writtenSpec(model, p.path);
          return matchesFilter(
            filter,
            p.name,
            g.label,
            distributionText(p.dist),
            w?.description ?? '',
            w?.unit ?? '',
            sourcesTitle(sourceViews(p.source)),
          );
        });
        if (rows.length === 0) return null;
        return (
          <details key={g.key} open class="param-group">
            <summary>
              {g.label} <span class="muted">({rows.length})</span>
            </summary>
            <table>
              <thead>
                <tr>
                  <th>parameter</th>
                  <th>distribution</th>
                  <th>description</th>
                  <th>source</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => {
                  const w = writtenSpec(model, p.path);
                  return (
                    <tr key={p.name} data-testid={`scenario-param-${p.name}`}>
                      <td>
                        <code>{p.name}</code>
                      </td>
                      <td title={distributionStats(p.dist)}>
                        <span class="formula">{distributionText(p.dist)}</span>
                        {w?.unit ? <span class="muted"> {w.unit}</span> : null}
                        <div class="muted small">{distributionStats(p.dist)}</div>
                      </td>
                      <td class="small">{w?.description ?? ''}</td>
                      <td class="small">
                        <SourceList source={p.source} testid={`scenario-source-${p.name}`} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </details>
        );
      })}
    </section>
  );
}

function Payoffs({ model, filter }: { model: Model; filter: string }) {
  const rows = useMemo(() => payoffRows(model.spec), [model]);
  const shown = rows.filter((r) => matchesFilter(filter, r.actor, r.term, r.part, r.formula));
  return (
    <section data-testid="scenario-payoffs">
      <h2>Payoffs</h2>
      <p class="muted small">
        U = gains − (C_kinetic + C_reputation + C_opportunity); a term with named parts is their sum.
      </p>
      <table>
        <thead>
          <tr>
            <th>actor</th>
            <th>term</th>
            <th>part</th>
            <th>formula</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={`${r.actor}.${r.term}.${r.part}`}>
              <td>{r.actor}</td>
              <td>{r.term}</td>
              <td>{r.part}</td>
              <td class="formula">{r.formula}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Formulas({ model, filter }: { model: Model; filter: string }) {
  const rows = useMemo(() => namedFormulaRows(model.spec), [model]);
  const shown = rows.filter((r) => matchesFilter(filter, r.name, r.formula, r.description ?? ''));
  return (
    <section data-testid="scenario-formulas">
      <h2>Named formulas ({rows.length})</h2>
      <table>
        <thead>
          <tr>
            <th>name</th>
            <th>formula</th>
            <th>description</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.name}>
              <td>
                <code>{r.name}</code>
              </td>
              <td class="formula">{r.formula}</td>
              <td class="small">
                {r.description ?? ''}
                {r.unit ? <span class="muted"> ({r.unit})</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function StateAndPolicies({ model }: { model: Model }) {
  const policies = Object.entries(model.spec.policies);
  return (
    <section data-testid="scenario-state">
      <h2>Outcome state</h2>
      <table>
        <thead>
          <tr>
            <th>variable</th>
            <th>start</th>
            <th>range</th>
            <th>unit</th>
          </tr>
        </thead>
        <tbody>
          {model.stateVars.map((v) => (
            <tr key={v.name}>
              <td>
                <code>state.{v.name}</code>
              </td>
              <td>{v.initial}</td>
              <td>
                {v.min === undefined && v.max === undefined ? '' : `[${v.min ?? '−∞'}, ${v.max ?? '∞'}]`}
              </td>
              <td>{v.unit ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {policies.length > 0 && (
        <>
          <h2>Policies</h2>
          <table>
            <thead>
              <tr>
                <th>policy</th>
                <th>rules</th>
              </tr>
            </thead>
            <tbody>
              {policies.map(([id, p]) => (
                <tr key={id} title={p.description ?? ''}>
                  <td>
                    <code>{id}</code>
                    {p.label ? <div class="small">{p.label}</div> : null}
                  </td>
                  <td class="formula">
                    {p.rules.map((r, i) => (
                      <div key={i}>
                        {r.stage}: {r.fix ? `only ${r.fix}` : `not ${r.forbid!.join(', ')}`}
                        {r.when === undefined ? '' : ` when ${String(r.when)}`}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** Jump buttons (not #anchors: the hash names the tab). */
const SECTIONS = [
  ['actors', 'Actors'],
  ['moves', 'Move order'],
  ['ladders', 'Ladders'],
  ['parameters', 'Parameters'],
  ['payoffs', 'Payoffs'],
  ['formulas', 'Formulas'],
  ['state', 'State and policies'],
] as const;

export function ScenarioView({ wb }: { wb: Workbench }) {
  const { model } = wb;
  const { spec } = model;
  const [filter, setFilter] = useState('');
  return (
    <div class="scenario-view" data-testid="scenario-view">
      <section>
        <h2>{spec.title}</h2>
        <p class="muted small">
          <code>{spec.id}</code> · {wb.scenario.file} · {model.actors.length} actors, {model.params.length}{' '}
          parameters, {model.stages.length} stages · defaults: seed {spec.defaults.seed},{' '}
          {spec.defaults.draws} draws, λ = {spec.defaults.lambda}
        </p>
        {spec.description && <p>{spec.description}</p>}
        <nav class="scenario-toc">
          {SECTIONS.map(([id, label]) => (
            <button
              key={id}
              type="button"
              onClick={() => document.querySelector(`[data-testid="scenario-${id}"]`)?.scrollIntoView()}
            >
              {label}
            </button>
          ))}
        </nav>
        <input
          type="search"
          class="scenario-filter"
          placeholder="Filter parameters, payoffs and formulas (name, source, formula…)"
          value={filter}
          onInput={(e) => setFilter((e.currentTarget as HTMLInputElement).value)}
          data-testid="scenario-filter"
        />
      </section>
      <Actors model={model} />
      <Moves model={model} />
      <Ladders model={model} />
      <Parameters model={model} filter={filter} />
      <Payoffs model={model} filter={filter} />
      <Formulas model={model} filter={filter} />
      <StateAndPolicies model={model} />
    </div>
  );
}
