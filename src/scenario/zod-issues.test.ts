import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { shapeProblems } from './zod-issues.js';

const Shape = z.strictObject({
  n: z.number().int().min(2),
  items: z.array(z.string()).min(1),
  pick: z.union([z.strictObject({ cat: z.string() }), z.strictObject({ dog: z.number() })], {
    error: 'expected {cat} or {dog}',
  }),
});

function problems(input: unknown): string[] {
  const r = Shape.safeParse(input, { reportInput: true });
  if (r.success) return [];
  return shapeProblems(r.error.issues, new Set(['n', 'items', 'pick', 'cat', 'dog'])).map(
    (p) => `${p.path.join('.')}${p.key ? ' (key)' : ''}: ${p.message}`,
  );
}

describe('shapeProblems', () => {
  test('types, sizes and unknown keys in plain words', () => {
    expect(problems({ n: 1.5, items: [], pick: { cat: 'x' }, nn: 1 })).toEqual([
      'n: expected an integer, got number 1.5',
      'items: expected at least 1 item',
      "nn (key): unknown field 'nn' (did you mean 'n'?)",
    ]);
    expect(problems({ n: 1, items: ['a'], pick: { cat: 'x' } })).toEqual(['n: expected a number >= 2']);
    expect(problems({ items: ['a'], pick: { cat: 'x' } })).toEqual(['n: missing: expected a number']);
  });

  test('a union reports the branch whose shape matches, else its own message', () => {
    expect(problems({ n: 2, items: ['a'], pick: { dog: 'rex' } })).toEqual([
      'pick.dog: expected a number, got the text "rex"',
    ]);
    expect(problems({ n: 2, items: ['a'], pick: { cow: 1 } })).toEqual(['pick: expected {cat} or {dog}']);
    expect(problems({ n: 2, items: ['a'], pick: 3 })).toEqual(['pick: expected {cat} or {dog}']);
  });
});
