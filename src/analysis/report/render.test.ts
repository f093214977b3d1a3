import { describe, expect, it } from 'vitest';
import type { ReportDocument } from './document.js';
import { renderReport } from './render.js';

// A small report with one block of every kind; <script> in text checks escaping.
const DOC: ReportDocument = {
  title: 'Two rungs and an incident',
  provenance: { scenario: 'scenarios/examples/two-rung-ladder.yaml', seed: 7, draws: 100, lambda: 5 },
  sections: [
    {
      id: 'q1-escalation',
      title: 'Does the challenger escalate?',
      question: 'Will the challenger move forward? (seed 001_x.txt)',
      blocks: [
        {
          kind: 'paragraph',
          text: 'The challenger escalates when 0.8 * (prize - 0.1) exceeds the cost of a <script>alert(1)</script> war.',
        },
        {
          kind: 'figure',
          label: 'P(escalate)',
          value: 0.4213,
          format: 'probability',
          interval: [0.31, 0.552],
          trace: 'stages[0] opening.escalate: mean over 100 draws of the logit QRE',
        },
        {
          kind: 'figure',
          label: 'E[challenger payoff]',
          value: 2.38,
          format: 'utility',
          trace: 'payoffs.challenger',
        },
        {
          kind: 'table',
          caption: 'Expected payoff terms',
          columns: ['actor', 'term', 'mean'],
          rows: [
            ['challenger', 'gains', 3.2],
            ['challenger', 'C_kinetic', 0.7],
            ['defender', 'C_reputation', 1.6],
          ],
          trace: 'payoffs.*: expectations on the equilibrium path',
        },
        { kind: 'list', items: ['calm: the defender concedes', 'incident: the defender fights'] },
      ],
    },
    {
      id: 'q2 costs',
      title: 'Costs',
      blocks: [
        {
          kind: 'bar-chart',
          title: 'P(outcome)',
          unit: 'probability',
          bars: [
            { label: 'war', series: 'calm', value: 0.12, low: 0.05, high: 0.2 },
            { label: 'war', series: 'incident', value: 0.5 },
            { label: 'concession', series: 'calm', value: 0.88, low: 0.8, high: 0.95 },
            { label: 'concession', series: 'incident', value: 0.5 },
          ],
        },
        {
          kind: 'bar-chart',
          title: 'Net payoff',
          unit: 'utility',
          bars: [
            { label: 'challenger', value: 2.38, low: 1.5, high: 3 },
            { label: 'defender', value: -2.4, low: -3, high: -1.2 },
          ],
        },
        {
          kind: 'line-chart',
          title: 'Tension',
          xLabel: 'day',
          yLabel: 'level',
          points: [
            { x: 0, y: 0, series: 'mean', low: 0, high: 0 },
            { x: 1, y: 0.5, series: 'mean', low: 0.2, high: 0.9 },
            { x: 2, y: 1.25, series: 'mean', low: 0.8, high: 1.9 },
            { x: 0, y: 0, series: 'worst' },
            { x: 2, y: 2, series: 'worst' },
          ],
        },
      ],
    },
  ],
};

/** The same document with every object's keys in reverse order. */
function reversedKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(reversedKeys);
  if (x === null || typeof x !== 'object') return x;
  return Object.fromEntries(
    Object.entries(x)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

describe('renderReport', () => {
  it('lays out text for a 100-column terminal, each figure followed by its trace', async () => {
    const expected = [
      'Two rungs and an incident',
      '=========================',
      '',
      'scenario  scenarios/examples/two-rung-ladder.yaml',
      'seed      7',
      'draws     100',
      'lambda    5',
      '',
      '1. Does the challenger escalate?',
      '--------------------------------',
      '',
      '> Will the challenger move forward? (seed 001_x.txt)',
      '',
      'The challenger escalates when 0.8 * (prize - 0.1) exceeds the cost of a <script>alert(1)</script>',
      'war.',
      '',
      'P(escalate)           42.1%  [31.0%, 55.2%]',
      '  from stages[0] opening.escalate: mean over 100 draws of the logit QRE',
      'E[challenger payoff]  2.38',
      '  from payoffs.challenger',
      '',
      'Expected payoff terms',
      '  actor       term          mean',
      '  ----------  ------------  ----',
      '  challenger  gains          3.2',
      '  challenger  C_kinetic      0.7',
      '  defender    C_reputation   1.6',
      '  from payoffs.*: expectations on the equilibrium path',
      '',
      '  - calm: the defender concedes',
      '  - incident: the defender fights',
      '',
      '2. Costs',
      '--------',
      '',
      'P(outcome) (probability)',
      '  war         calm      ███▊                            12.0%  [5.0%, 20.0%]',
      '              incident  ███████████████▊                50.0%',
      '  concession  calm      ███████████████████████████▊    88.0%  [80.0%, 95.0%]',
      '              incident  ███████████████▊                50.0%',
      '',
      'Net payoff (utility)',
      '  challenger                 │███████████▉      2.38  [1.50, 3.00]',
      '  defender       ████████████│                 -2.40  [-3.00, -1.20]',
      '',
      'Tension: level by day',
      '  mean   ▁▃▅  0 → 1.25',
      '  worst  ▁█  0 → 2',
      '  day  mean             worst',
      '  ---  ---------------  -----',
      '    0  0 [0, 0]         0',
      '    1  0.5 [0.2, 0.9]',
      '    2  1.25 [0.8, 1.9]  2',
    ].join('\n');
    const out = await renderReport(DOC, 'text');
    expect(out).toBe(`${expected}\n`);
    expect(Math.max(...out.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(100);
  });

  it('writes Markdown with headings, tables and escaped text', async () => {
    const expected = [
      '# Two rungs and an incident',
      '',
      '| setting | value |',
      '| --- | --- |',
      '| scenario | scenarios/examples/two-rung-ladder.yaml |',
      '| seed | 7 |',
      '| draws | 100 |',
      '| lambda | 5 |',
      '',
      '## 1. Does the challenger escalate?',
      '',
      '> Will the challenger move forward? (seed 001_x.txt)',
      '',
      'The challenger escalates when 0.8 * (prize - 0.1) exceeds the cost of a \\<script>alert(1)\\</script> war.',
      '',
      '- **P(escalate):** 42.1% [31.0%, 55.2%]\\',
      '  _from_ `stages[0] opening.escalate: mean over 100 draws of the logit QRE`',
      '- **E[challenger payoff]:** 2.38\\',
      '  _from_ `payoffs.challenger`',
      '',
      '**Expected payoff terms**',
      '',
      '| actor | term | mean |',
      '| --- | --- | ---: |',
      '| challenger | gains | 3.2 |',
      '| challenger | C_kinetic | 0.7 |',
      '| defender | C_reputation | 1.6 |',
      '',
      '_from_ `payoffs.*: expectations on the equilibrium path`',
      '',
      '- calm: the defender concedes',
      '- incident: the defender fights',
      '',
      '## 2. Costs',
      '',
      '**P(outcome)** (probability)',
      '',
      '|  | series | value | 90 % interval |',
      '| --- | --- | ---: | --- |',
      '| war | calm | 12.0% | [5.0%, 20.0%] |',
      '| war | incident | 50.0% |  |',
      '| concession | calm | 88.0% | [80.0%, 95.0%] |',
      '| concession | incident | 50.0% |  |',
      '',
      '**Net payoff** (utility)',
      '',
      '|  | value | 90 % interval |',
      '| --- | ---: | --- |',
      '| challenger | 2.38 | [1.50, 3.00] |',
      '| defender | -2.40 | [-3.00, -1.20] |',
      '',
      '**Tension:** level by day',
      '',
      '| day | mean | worst |',
      '| ---: | --- | --- |',
      '| 0 | 0 [0, 0] | 0 |',
      '| 1 | 0.5 [0.2, 0.9] |  |',
      '| 2 | 1.25 [0.8, 1.9] | 2 |',
    ].join('\n');
    expect(await renderReport(DOC, 'md')).toBe(`${expected}\n`);
  });

  it('writes one self-contained HTML page with an SVG per chart and escaped text', async () => {
    const html = await renderReport(DOC, 'html');
    expect(html.match(/<svg/g)).toHaveLength(3);
    // Nothing executable and nothing fetched: the only <script> is the escaped one from the text.
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(
      '<p>The challenger escalates when 0.8 * (prize - 0.1) exceeds the cost of a &lt;script&gt;alert(1)&lt;/script&gt; war.</p>',
    );
    expect(html).not.toMatch(/<link|<img|<iframe|\ssrc=|@import|url\(\s*['"]?http/i);
    expect(html).toContain('<li><a href="#q1-escalation">Does the challenger escalate?</a></li>');
    // The section id "q2 costs" is not a valid fragment: it becomes q2-costs, in the link too.
    expect(html).toContain('<section id="q2-costs">');
    expect(html).toContain('<li><a href="#q2-costs">Costs</a></li>');
    expect(html).toContain(
      '<span class="label">P(escalate):</span> <span class="value">42.1%</span> <span class="interval">[31.0%, 55.2%]</span>\n' +
        '<p class="trace">from <code>stages[0] opening.escalate: mean over 100 draws of the logit QRE</code></p>',
    );
    expect(html).toContain('<tr><td>challenger</td><td>C_kinetic</td><td class="num">0.7</td></tr>');
    expect(html).toContain('<tr><td>defender</td><td class="num">-2.40</td><td>[-3.00, -1.20]</td></tr>');
  });

  it('writes the document itself as JSON, with keys in a fixed order', async () => {
    const json = await renderReport(DOC, 'json');
    expect(JSON.parse(json)).toEqual(DOC);
    expect(await renderReport(reversedKeys(DOC) as ReportDocument, 'json')).toBe(json);
    expect(
      json.startsWith('{\n  "title": "Two rungs and an incident",\n  "provenance": {\n    "draws": 100,'),
    ).toBe(true);
    expect(json).toContain(
      '{\n          "kind": "figure",\n          "label": "E[challenger payoff]",\n          "value": 2.38,',
    );
  });

  it('gives byte-identical output when rendered twice', async () => {
    for (const format of ['text', 'md', 'html', 'json'] as const) {
      const first = await renderReport(DOC, format);
      expect(await renderReport(DOC, format)).toBe(first);
    }
  });
});
