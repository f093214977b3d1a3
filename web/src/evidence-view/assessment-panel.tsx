// One hypothesis set's assessment, as `brink assess` reports it: posteriors with ICD 203 words, the
// reports with what each contributed, the timeline (chart and table), the ACH matrix with inconsistency scores and diagnosticity, and the
// value of information of the indicators not yet reported.
import { useMemo } from 'preact/hooks';
import { formatNumber, formatProbability } from '../../../src/analysis/report/format.js';
import { type SetReport, valueText } from '../../../src/evidence/assessment-report.js';
import { estimativeTerm } from '../../../src/evidence/wep.js';
import { VegaChart } from '../charts/vega-chart.js';
import { posteriorRows } from './assessment.js';
import { timelineSpec } from './timeline-chart.js';

function Posteriors({ r }: { r: SetReport }) {
  const rows = posteriorRows(r);
  const a = r.assessment;
  const counted = a.items.filter((i) => i.counted).length;
  return (
    <>
      <p>
        {a.items.length} report(s) bear on this set; {counted} count (one per group of correlated indicators).
      </p>
      <table class="posterior-table" title="log p_h + Σ_counted w·log λ_h, normalised (docs/evidence.md)">
        <thead>
          <tr>
            <th>hypothesis</th>
            <th>prior</th>
            <th>posterior</th>
            <th>ICD 203</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.hypothesis}>
              <td>{row.label}</td>
              <td>{formatProbability(row.prior)}</td>
              <td data-testid={`posterior-${row.set}-${row.hypothesis}`} data-value={String(row.posterior)}>
                <strong>{formatProbability(row.posterior)}</strong>
              </td>
              <td>{row.term}</td>
              <td class="bar-cell">
                <span class="prob-bar prior-bar" style={{ width: `${row.prior * 100}%` }} />
                <span class="prob-bar posterior-bar" style={{ width: `${row.posterior * 100}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Timeline({ r }: { r: SetReport }) {
  const spec = useMemo(() => timelineSpec(r), [r]);
  const hs = r.assessment.set.hypotheses;
  return (
    <>
      <VegaChart spec={spec} name={`evidence-timeline-${r.assessment.set.id}`} />
      <table class="timeline-table">
        <caption>The posterior as of each report date (each row is what --as-of that date gives).</caption>
        <thead>
          <tr>
            <th>as of</th>
            <th>new reports</th>
            {hs.map((h) => (
              <th key={h.id}>{h.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {r.timeline.map((p) => (
            <tr key={p.date}>
              <td>{p.date === '' ? 'prior' : p.date}</td>
              <td>{p.added.join(', ')}</td>
              {p.posterior.map((x, i) => (
                <td key={i}>
                  {formatProbability(x)} <span class="term">({estimativeTerm(x).term})</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Items({ r }: { r: SetReport }) {
  const a = r.assessment;
  if (a.items.length === 0) return <p>No reports bear on this set yet.</p>;
  return (
    <table class="items-table" title="likelihood.ts (hard, virtual, Jeffrey), admiralty.ts (w), groups.ts">
      <caption>
        Each report: its Admiralty weight w, the likelihood λ_h = P(report | h) under each hypothesis before
        tempering, and whether it counts (only the most diagnostic report of a group does).
      </caption>
      <thead>
        <tr>
          <th>id</th>
          <th>indicator</th>
          <th>value</th>
          <th>grade</th>
          <th>w</th>
          {a.set.hypotheses.map((h) => (
            <th key={h.id}>λ {h.id}</th>
          ))}
          <th>counts</th>
        </tr>
      </thead>
      <tbody>
        {a.items.map((i) => (
          <tr
            key={i.observation.id}
            data-testid={`item-${a.set.id}-${i.observation.id}`}
            data-counted={String(i.counted)}
          >
            <td>{i.observation.id}</td>
            <td>{i.indicator.id}</td>
            <td>{valueText(i.observation.value)}</td>
            <td>
              {i.observation.reliability}
              {i.observation.credibility}
            </td>
            <td>{formatNumber(i.weight)}</td>
            {i.likelihood.map((x, h) => (
              <td key={h}>{formatNumber(x)}</td>
            ))}
            <td>{i.counted ? 'yes' : `no (group ${i.group.replace(/^indicator:/, '')})`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Ach({ r }: { r: SetReport }) {
  const m = r.ach;
  if (m.rows.length === 0) return null;
  const labels = r.assessment.set.hypotheses.map((h) => h.label);
  return (
    <>
      <h4>ACH matrix</h4>
      <p class="note">
        Heuer's Analysis of Competing Hypotheses as a transparency aid, not a second estimate: ratings follow
        from the tempered likelihoods (CC ≥ 2× the mean of the other hypotheses, C ≥ 1.25×, I ≤ 0.8×, II ≤
        0.5×). The hypothesis with the least inconsistent evidence survives; a report rated alike under every
        hypothesis is not diagnostic.
      </p>
      <div class="table-scroll">
        <table class="ach-table" data-testid={`ach-${r.assessment.set.id}`}>
          <thead>
            <tr>
              <th>id</th>
              <th>indicator</th>
              {labels.map((l) => (
                <th key={l}>{l}</th>
              ))}
              <th>credibility</th>
              <th>relevance</th>
              <th>max LR</th>
              <th>diagnostic</th>
            </tr>
          </thead>
          <tbody>
            {m.rows.map((row) => (
              <tr key={row.id}>
                <td>{row.id}</td>
                <td title={row.label}>{row.indicator}</td>
                {row.ratings.map((c, h) => (
                  <td key={h} class={`ach-cell ach-${c}`}>
                    {c}
                  </td>
                ))}
                <td>{row.credibility}</td>
                <td>{row.relevance}</td>
                <td>{formatNumber(row.maxLikelihoodRatio)}</td>
                <td>{row.diagnostic ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th />
              <th>inconsistency score</th>
              {m.inconsistency.map((x, h) => (
                <td
                  key={h}
                  data-testid={`ach-score-${r.assessment.set.id}-${m.hypotheses[h]}`}
                  data-value={String(x)}
                >
                  {formatNumber(x)}
                </td>
              ))}
              <td colSpan={4} />
            </tr>
            <tr>
              <th />
              <th>weighted inconsistency</th>
              {m.weightedInconsistency.map((x, h) => (
                <td key={h}>{formatNumber(x)}</td>
              ))}
              <td colSpan={4} />
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

function Voi({ r }: { r: SetReport }) {
  if (r.voi.length === 0) return <p>Every indicator of this set has been reported.</p>;
  const best = r.voi[0]!;
  return (
    <>
      <h4>Value of information</h4>
      <p data-testid={`voi-next-${r.assessment.set.id}`} data-indicator={best.indicator}>
        Observe next: <strong>{best.label}</strong> (expected information {formatNumber(best.expectedKlBits)}{' '}
        bits; it would move {formatProbability(best.expectedShift)} of the probability on average).
      </p>
      <table class="voi-table" title="Σ_k P(k) KL(π_k ‖ π), Σ_k P(k) ½ Σ_h |π_k(h) − π(h)| (voi.ts)">
        <thead>
          <tr>
            <th>rank</th>
            <th>indicator</th>
            <th>group</th>
            <th>expected KL (bits)</th>
            <th>expected shift</th>
            <th>P(states)</th>
          </tr>
        </thead>
        <tbody>
          {r.voi.map((v, i) => (
            <tr key={v.indicator}>
              <td>{i + 1}</td>
              <td title={v.label}>{v.indicator}</td>
              <td>{v.group ?? ''}</td>
              <td>{formatNumber(v.expectedKlBits)}</td>
              <td>{formatProbability(v.expectedShift)}</td>
              <td>{v.stateProbs.map(formatProbability).join(' / ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function AssessmentPanel({ r }: { r: SetReport }) {
  const set = r.assessment.set;
  return (
    <section class="assessment" data-testid={`assessment-${set.id}`}>
      <h3>{set.label}</h3>
      <Posteriors r={r} />
      <h4>Reports</h4>
      <Items r={r} />
      <h4>Timeline</h4>
      <Timeline r={r} />
      <Ach r={r} />
      <Voi r={r} />
    </section>
  );
}
