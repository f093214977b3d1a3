// Sources of the evidence section: every prior and every indicator's likelihoods carry a source,
// listed by sourcesOf and checked like the rest; the US–Iran scenario's seed quotes are verbatim.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadScenario } from './load-file.js';
import { parseScenario } from './load.js';
import { checkSources, factIdsFromYaml, sourcesOf } from './sources.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED = join(ROOT, '..', 'shared');
const haveShared = existsSync(join(SHARED, 'seeds')) && existsSync(join(SHARED, 'facts', 'facts.yaml'));

const YAML = `
id: e
title: E
actors: { us: { kind: state } }
ladders: { us: { l: { rungs: { a: {} } } } }
stages: [{ id: s1, actor: us }]
payoffs: { us: {} }
evidence:
  sets:
    talks:
      hypotheses:
        time: { prior: 0.4, source: { seed: 000.txt, quote: "buying time" } }
        risk: { prior: 0.6, source: "fact:no-such-fact" }
  indicators:
    carrier:
      set: talks
      states: [seen, not_seen]
      likelihood:
        time: { seen: 0.9, not_seen: 0.1 }
        risk: { seen: 0.5, not_seen: 0.5 }
      source: [{ seed: 000.txt, quote: "not in the seed" }, { judgement: "j" }]
`;

describe('sources of the evidence section', () => {
  const model = parseScenario(YAML, 'e.yaml');
  test('priors and indicators are listed', () => {
    expect(sourcesOf(model.spec).map((s) => s.path.join('.'))).toEqual([
      'evidence.sets.talks.hypotheses.time.source',
      'evidence.sets.talks.hypotheses.risk.source',
      'evidence.indicators.carrier.source.0',
      'evidence.indicators.carrier.source.1',
    ]);
  });
  test('and checked, at their lines', () => {
    const idx = {
      seeds: new Map([['000.txt', 'The hypothesis of buying time.']]),
      facts: new Set(['a-fact']),
    };
    expect(checkSources(model, idx).map((d) => `${d.line}: ${d.path} — ${d.message}`)).toEqual([
      "13: evidence.sets.talks.hypotheses.risk.source — no fact with id 'no-such-fact'",
      "21: evidence.indicators.carrier.source[0].quote — the quote does not appear in seed '000.txt'",
    ]);
  });
  test('an indicator without a source is a shape error', () => {
    expect(() => parseScenario(YAML.replace(/ {6}source: \[.*\]\n/, ''), 'e.yaml')).toThrow(
      /evidence\.indicators\.carrier\.source/,
    );
  });
});

describe.skipIf(!haveShared)('US–Iran evidence sources against ../shared', () => {
  test('every seed quote of the evidence section is in its seed', () => {
    const seeds = new Map(
      readdirSync(join(SHARED, 'seeds')).map((f) => [f, readFileSync(join(SHARED, 'seeds', f), 'utf8')]),
    );
    const facts = factIdsFromYaml(readFileSync(join(SHARED, 'facts', 'facts.yaml'), 'utf8'));
    const model = loadScenario(join(ROOT, 'scenarios', 'us-iran-2026.yaml'));
    const evidence = sourcesOf(model.spec).filter((s) => s.path[0] === 'evidence');
    expect(evidence.length).toBeGreaterThan(30);
    expect(checkSources(model, { seeds, facts }).filter((d) => d.path.startsWith('evidence'))).toEqual([]);
  });
  test('the US–Iran evidence section: three hypotheses of talks_intent, the indicators of 000, 001, 004', () => {
    const ev = loadScenario(join(ROOT, 'scenarios', 'us-iran-2026.yaml')).evidence!;
    expect(ev.sets.map((s) => [s.id, s.type, s.hypotheses.map((h) => h.id)])).toEqual([
      ['talks_intent', 'talks_intent', ['buying_time', 'risk_control', 'legitimacy']],
    ]);
    expect(ev.indicators.map((i) => i.id)).toEqual([
      'carrier_arrival',
      'patriot_thaad',
      'bombers_visible',
      'sortie_drills',
      'alert_level',
      'dependants_evacuation',
      'strike_date_leak',
      'talks_oman',
      'mediator_activity',
      'terms_of_entry',
      'brent_three_day_rise',
      'gold_rise',
    ]);
  });
});
