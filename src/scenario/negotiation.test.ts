// The `negotiation:` section: its shape (zod), its cross-references (check.ts) and the plain data
// of the model, with located diagnostics for bad data.
import { describe, expect, test } from 'vitest';
import { ScenarioError } from './diagnostics.js';
import { parseScenario } from './load.js';

const BASE = [
  'id: t', // 1
  'title: Test', // 2
  'actors: { us: { kind: state }, iran: { kind: state } }', // 3
  'ladders: { us: { l: { rungs: { hold: {} } } } }', // 4
  'stages: [{ id: open, actor: us }]', // 5
  'payoffs: { us: {}, iran: {} }', // 6
  'negotiation:', // 7
  '  issues:', // 8
  '    enrichment:', // 9
  '      label: Enrichment cap', // 10
  '      verifiable: true', // 11
  '      source: { judgement: "a test" }', // 12
  '    proxies:', // 13
  '      label: Proxies', // 14
  '      scale: [0, 1]', // 15
  '      verifiable: false', // 16
  '      source: { judgement: "a test" }', // 17
  '  stakeholders:', // 18
  '    us:', // 19
  '      label: US', // 20
  '      capability: 1', // 21
  '      source: { judgement: "unit" }', // 22
  '      positions:', // 23
  '        enrichment: { position: 9, salience: 0.9, source: { judgement: "x" } }', // 24
  '        proxies: { position: 1, salience: 0.5, source: { judgement: "x" } }', // 25
  '      needs:', // 26
  '        proxies: { need: public, source: { judgement: "x" } }', // 27
  '    iran:', // 28
  '      label: Iran', // 29
  '      capability: 0.6', // 30
  '      source: { judgement: "x" }', // 31
  '      positions:', // 32
  '        enrichment: { position: 3, salience: 0.9, source: { judgement: "x" } }', // 33
];

function edit(changes: Record<number, string>): string {
  return BASE.map((l, i) => changes[i + 1] ?? l).join('\n');
}

function problems(text: string): string[] {
  try {
    parseScenario(text, 't.yaml');
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return e.diagnostics.map((d) => `${d.line}:${d.col}: ${d.path} — ${d.message}`);
  }
  return [];
}

describe('negotiation section', () => {
  test('a valid section loads into plain data, scales defaulting to [0, 10]', () => {
    const model = parseScenario(BASE.join('\n'), 't.yaml');
    const n = model.negotiation!;
    expect(n.issues.map((i) => [i.id, i.scale, i.verifiable])).toEqual([
      ['enrichment', [0, 10], true],
      ['proxies', [0, 1], false],
    ]);
    expect(n.stakeholders.map((s) => s.id)).toEqual(['us', 'iran']);
    expect(n.stakeholders[0]!.positions.get('enrichment')?.position).toBe(9);
    expect(n.stakeholders[0]!.needs.get('proxies')?.need).toBe('public');
    expect(n.stakeholders[1]!.positions.has('proxies')).toBe(false);
  });

  test('a scenario without the section has no negotiation data', () => {
    expect(parseScenario(BASE.slice(0, 6).join('\n'), 't.yaml').negotiation).toBeUndefined();
  });

  test('an unknown issue in positions or needs is reported at its key, with a suggestion', () => {
    expect(
      problems(
        edit({
          24: '        enrichmnt: { position: 9, salience: 0.9, source: { judgement: "x" } }',
          27: '        proxys: { need: public, source: { judgement: "x" } }',
        }),
      ),
    ).toEqual([
      "24:9: negotiation.stakeholders.us.positions.enrichmnt — 'enrichmnt' is not a negotiation issue (did you mean 'enrichment'?)",
      "27:9: negotiation.stakeholders.us.needs.proxys — 'proxys' is not a negotiation issue (did you mean 'proxies'?)",
    ]);
  });

  test("a position off the issue's scale is reported at the position", () => {
    expect(
      problems(edit({ 25: '        proxies: { position: 3, salience: 0.5, source: { judgement: "x" } }' })),
    ).toEqual([
      "25:30: negotiation.stakeholders.us.positions.proxies.position — expected a position on the scale of 'proxies', [0, 1], got 3",
    ]);
  });

  test('salience and capability outside [0, 1], a bad need and a missing source are shape errors', () => {
    const out = problems(
      edit({
        21: '      capability: 1.5',
        24: '        enrichment: { position: 9, salience: -0.1, source: { judgement: "x" } }',
        27: '        proxies: { need: loud, source: { judgement: "x" } }',
        33: '        enrichment: { position: 3, salience: 0.9 }',
      }),
    );
    expect(out).toHaveLength(4);
    expect(out[0]).toMatch(
      /^21:19: negotiation\.stakeholders\.us\.capability — expected capability in \[0, 1\]/,
    );
    expect(out[1]).toMatch(
      /^24:46: negotiation\.stakeholders\.us\.positions\.enrichment\.salience — expected salience in \[0, 1\]/,
    );
    expect(out[2]).toMatch(/^27:26: negotiation\.stakeholders\.us\.needs\.proxies\.need — /);
    expect(out[3]).toMatch(/^33:\d+: negotiation\.stakeholders\.iran\.positions\.enrichment(\.source)? — /);
  });

  test('a scale with lo >= hi is refused', () => {
    expect(problems(edit({ 15: '      scale: [1, 1]' }))).toEqual([
      expect.stringMatching(
        /^15:\d+: negotiation\.issues\.proxies\.scale — expected a scale \[lo, hi\] with lo < hi/,
      ),
    ]);
  });
});
