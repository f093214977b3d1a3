import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Scenario, scenarioJsonSchema } from './schema.js';
import { scenarioSchemaText, schemaPath } from './write-schema.js';

describe('JSON Schema', () => {
  test('the committed schema/scenario.schema.json is what write-schema.ts generates', () => {
    // If this fails: npm run build && node dist/src/scenario/write-schema.js
    expect(readFileSync(schemaPath(), 'utf8')).toBe(scenarioSchemaText());
  });

  test('shared definitions are referenced, not repeated', () => {
    const s = scenarioJsonSchema() as { $defs: Record<string, unknown>; required: string[] };
    expect(Object.keys(s.$defs).sort()).toEqual(
      [
        'Effect',
        'Effects',
        'FactSource',
        'Formula',
        'JudgementSource',
        'Option',
        'Parameter',
        'SeedSource',
        'Source',
        'Term',
      ].sort(),
    );
    // Input form: sections with defaults may be left out.
    expect(s.required.sort()).toEqual(['actors', 'id', 'ladders', 'payoffs', 'stages', 'title']);
  });
});

describe('zod schema', () => {
  test('defaults are filled in', () => {
    const r = Scenario.parse({
      id: 'x',
      title: 'X',
      actors: { a: { kind: 'state' } },
      ladders: { a: { l: { rungs: { o: null } } } },
      stages: [{ id: 's', actor: 'a' }],
      payoffs: { a: {} },
    });
    expect(r.defaults).toEqual({ seed: 1, lambda: 10, draws: 1000 });
    expect(r.parameters).toEqual({});
    expect(r.policies).toEqual({});
  });

  test('a point parameter may omit dist; others need it', () => {
    const ok = (p: unknown) => Scenario.shape.parameters.safeParse({ p }).success;
    expect(ok({ value: 1, source: 'fact:a' })).toBe(true);
    expect(ok({ dist: 'point', value: 1, source: { judgement: 'j' } })).toBe(true);
    expect(ok({ low: 0, high: 1, source: 'fact:a' })).toBe(false);
    expect(ok({ dist: 'triangular', low: 0, mode: 2, high: 1, source: 'fact:a' })).toBe(false);
    expect(ok({ dist: 'normal', mean: 0, sd: 1, min: 1, max: 0, source: 'fact:a' })).toBe(false);
  });
});
