// The what-if results: what was held, the outcome classes (chart and per-class figures with their
// traces), expected costs per actor, Brent's path per outcome class, and the seeds' questions. All
// figures come from the analysis `brink analyze` computes for the same settings (analysisOfRun).
import { useMemo, useState } from 'preact/hooks';
import type { Analysis } from '../../../src/analysis/analyze.js';
import type { Section } from '../../../src/analysis/report/document.js';
import { formatProbability, formatUtility } from '../../../src/analysis/report/format.js';
import type { Stat } from '../../../src/analysis/stats.js';
import { BlockView, SectionView } from '../report/report-view.js';
import { distributionText } from '../scenario-view/describe.js';
import {
  type ClassFigure,
  type Held,
  costChart,
  costFigures,
  findBlock,
  outcomeFigures,
  questionSections,
} from './results.js';

export interface ResultsPanelProps {
  readonly analysis: Analysis;
  readonly held: readonly Held[];
  /** The outcome classes of the same settings with nothing held, when known (for the Δ column). */
  readonly reference: readonly ClassFigure[] | undefined;
  /** The two actors charted (the movers). */
  readonly movers: readonly string[];
}

function HeldLine({ held }: { held: readonly Held[] }) {
  if (held.length === 0)
    return (
      <p class="held-line" data-testid="held-line">
        Nothing held: every parameter is drawn from its distribution.
      </p>
    );
  return (
    <p class="held-line held-some" data-testid="held-line">
      Held:{' '}
      {held.map((h, i) => (
        <span key={h.name} class="held-item" data-testid={`held-${h.name}`}>
          {i > 0 ? '; ' : ''}
          <strong>
            {h.name} = {h.value}
          </strong>{' '}
          (drawn: {distributionText(h.drawn)})
        </span>
      ))}
      . The other parameters are drawn as before, draw by draw (common random numbers).
    </p>
  );
}

const interval = (s: Stat, f: (x: number) => string) => `[${f(s.low)}, ${f(s.high)}]`;

function signedPoints(d: number): string {
  const pts = d * 100;
  const s = `${Math.abs(pts).toFixed(1)} pts`;
  return pts > 0.05 ? `+${s}` : pts < -0.05 ? `−${s}` : '±0.0 pts';
}

function OutcomeTable({
  figures,
  reference,
  draws,
}: {
  figures: readonly ClassFigure[];
  reference: readonly ClassFigure[] | undefined;
  draws: number;
}) {
  return (
    <table class="outcome-table" data-testid="outcome-table">
      <thead>
        <tr>
          <th>outcome class</th>
          <th>probability</th>
          <th>90 % interval</th>
          {reference && <th title="change from the same draws with nothing held">Δ from all drawn</th>}
        </tr>
      </thead>
      <tbody>
        {figures.map((f, k) => {
          const ref = reference?.[k];
          return (
            <tr
              key={f.id}
              data-testid={`outcome-${f.id}`}
              data-value={String(f.stat.mean)}
              title={`Σ ρ over the leaves where the scenario formula ${f.formula} holds; mean over ${draws} draws of each draw's equilibrium probability; interval: 5th–95th percentile of the draws`}
            >
              <td>{f.label}</td>
              <td class="num">
                <span
                  class="whatif-bar"
                  style={{ width: `${Math.max(0, Math.min(1, f.stat.mean)) * 6}rem` }}
                />
                {formatProbability(f.stat.mean)}
              </td>
              <td class="num muted">{interval(f.stat, formatProbability)}</td>
              {reference && (
                <td class="num" title={ref ? `all drawn: ${formatProbability(ref.stat.mean)}` : ''}>
                  {ref ? signedPoints(f.stat.mean - ref.stat.mean) : ''}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function CostTable({ analysis }: { analysis: Analysis }) {
  const figures = useMemo(() => costFigures(analysis.results), [analysis]);
  const actors = analysis.results.costs.actors;
  const terms = ['gains', 'C_kinetic', 'C_reputation', 'C_opportunity', 'U'];
  return (
    <table class="cost-table" data-testid="cost-table">
      <thead>
        <tr>
          <th>actor</th>
          {terms.map((t) => (
            <th key={t}>{t}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {actors.map((a) => (
          <tr key={a}>
            <td>{a}</td>
            {terms.map((t) => {
              const f = figures.find((x) => x.actor === a && x.term === t)!;
              return (
                <td
                  key={t}
                  class="num"
                  data-testid={`cost-${a}-${t}`}
                  data-value={String(f.stat.mean)}
                  title={`E[${a}.${t === 'U' ? 'payoff' : t}] (u), mean over draws; 90 % interval ${interval(f.stat, formatUtility)}${t === 'U' ? '; U = gains − (C_kinetic + C_reputation + C_opportunity)' : ` = Σ ρ · (sum of the parts of payoffs.${a}.${t})`}`}
                >
                  {Number.isNaN(f.stat.mean) ? 'n/a' : formatUtility(f.stat.mean)}
                  <span class="interval"> {interval(f.stat, formatUtility)}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A question section, drawn only once opened (its charts are not free). */
function QuestionSection({ section }: { section: Section }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      class="question"
      data-testid={`question-${section.id}`}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{section.title}</summary>
      {open && <SectionView section={section} />}
    </details>
  );
}

export function ResultsPanel({ analysis, held, reference, movers }: ResultsPanelProps) {
  const { results, doc } = analysis;
  const figures = useMemo(() => outcomeFigures(results), [results]);
  const outcomeChart = useMemo(() => findBlock(doc, 'outcomes', 'bar-chart'), [doc]);
  const costs = useMemo(() => costChart(costFigures(results), movers), [results, movers]);
  const fan = useMemo(() => findBlock(doc, 'q6-oil-markets', 'line-chart'), [doc]);
  const questions = useMemo(() => questionSections(doc), [doc]);
  return (
    <>
      <HeldLine held={held} />
      <section class="whatif-block" data-testid="whatif-outcomes">
        <h3>Outcome distribution</h3>
        <p class="muted small">
          Mean over {results.draws} draws (seed {results.seed}, λ = {results.lambda}) of each draw’s
          equilibrium probability; hover a row for its formula.
        </p>
        <div class="whatif-pair">
          <OutcomeTable
            figures={figures}
            reference={held.length > 0 ? reference : undefined}
            draws={results.draws}
          />
          {outcomeChart && <BlockView block={outcomeChart} name="whatif-outcomes" />}
        </div>
      </section>
      <section class="whatif-block" data-testid="whatif-costs">
        <h3>Expected costs by term</h3>
        <BlockView block={costs} name="whatif-costs" />
        <CostTable analysis={analysis} />
      </section>
      <section class="whatif-block" data-testid="whatif-oil">
        <h3>Oil: Brent by outcome class</h3>
        {fan ? (
          <BlockView block={fan} name="whatif-oil" />
        ) : (
          <p class="muted">No outcome class with a disruption in this run: no fan to draw.</p>
        )}
      </section>
      <section class="whatif-block" data-testid="whatif-questions">
        <h3>The seeds’ questions</h3>
        {questions.map((s) => (
          <QuestionSection key={s.id} section={s} />
        ))}
      </section>
    </>
  );
}
