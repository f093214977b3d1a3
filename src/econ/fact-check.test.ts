import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FACTS } from './calibration.js';
import { factCopyProblems, factsById } from './fact-check.js';

const FACTS_FILE = join(import.meta.dirname, '../../..', 'shared', 'facts', 'facts.yaml');
const haveFacts = existsSync(FACTS_FILE);
if (!haveFacts)
  console.warn(`[brink tests] ${FACTS_FILE} not found: the oil model's fact copies are not checked.`);

const SAMPLE = `
hormuz:
  - id: flow
    value: 20
  - id: stocks
    value: {public: 1.55, band: [1, 2]}
oil_price_reactions:
  - id: move
    move: "+14.6% close"
`;

describe('factCopyProblems', () => {
  const facts = factsById(SAMPLE);
  test('equal copies pass', () => {
    expect(
      factCopyProblems(facts, {
        a: { id: 'flow', value: 20 },
        b: { id: 'stocks', path: ['band'], value: [1, 2] },
        c: { id: 'move', field: 'move', value: '+14.6% close' },
      }),
    ).toEqual([]);
  });
  test('an unknown id or a different value is named', () => {
    expect(factCopyProblems(facts, { a: { id: 'flo', value: 20 } })).toEqual([
      "a: unknown fact id 'flo' (not in the facts file)",
    ]);
    expect(factCopyProblems(facts, { b: { id: 'stocks', path: ['public'], value: 1.5 } })).toEqual([
      'b: stocks.value.public is 1.55, the code copies 1.5',
    ]);
    expect(factCopyProblems(facts, { c: { id: 'move', field: 'move', value: '+15%' } })).toHaveLength(1);
  });
});

describe.skipIf(!haveFacts)('the oil model against ../shared/facts/facts.yaml', () => {
  test('every cited fact id exists and every copied value equals the fact', () => {
    expect(factCopyProblems(factsById(readFileSync(FACTS_FILE, 'utf8')), FACTS)).toEqual([]);
  });
});
