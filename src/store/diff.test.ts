import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffJson, diffLines, formatChanges, unifiedDiff } from './diff.js';

describe('diffLines', () => {
  it('keeps the longest common subsequence and marks the rest', () => {
    const d = diffLines(['a', 'b', 'c', 'd'], ['a', 'c', 'x', 'd']);
    expect(d.map((l) => `${l.op}${l.text}`)).toEqual([' a', '-b', ' c', '+x', ' d']);
  });
  it('rebuilds both sides, and keeps as many lines as the LCS (property)', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const d = diffLines(a, b);
        expect(d.filter((l) => l.op !== '+').map((l) => l.text)).toEqual(a);
        expect(d.filter((l) => l.op !== '-').map((l) => l.text)).toEqual(b);
        // Brute-force LCS length.
        const lcs = (i: number, j: number): number =>
          i === a.length || j === b.length
            ? 0
            : a[i] === b[j]
              ? 1 + lcs(i + 1, j + 1)
              : Math.max(lcs(i + 1, j), lcs(i, j + 1));
        expect(d.filter((l) => l.op === ' ').length).toBe(lcs(0, 0));
      }),
      { numRuns: 200 },
    );
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', { old: 'x', new: 'y' })).toBe('');
  });
  it('prints hunks with line numbers and context', () => {
    const old = `${Array.from({ length: 20 }, (_, k) => `line ${k + 1}`).join('\n')}\n`;
    const changed = old.replace('line 3\n', 'line three\n').replace('line 18\n', '');
    expect(unifiedDiff(old, changed, { old: 'r0001 a.yaml', new: 'r0002 a.yaml' }, 1)).toBe(
      [
        '--- r0001 a.yaml',
        '+++ r0002 a.yaml',
        '@@ -2,3 +2,3 @@',
        ' line 2',
        '-line 3',
        '+line three',
        ' line 4',
        '@@ -17,3 +17,2 @@',
        ' line 17',
        '-line 18',
        ' line 19',
        '',
      ].join('\n'),
    );
  });
});

describe('diffJson', () => {
  it('lists the paths whose values differ, in document order, with old and new', () => {
    const a = { seed: 1, q3: { classes: [{ mean: 0.1 }, { mean: 0.2 }] }, 'odd key': 1, gone: true };
    const b = {
      seed: 1,
      q3: { classes: [{ mean: 0.1 }, { mean: 0.25 }, { mean: 0 }] },
      'odd key': 2,
      added: 'x',
    };
    const d = diffJson(a, b);
    expect(d.total).toBe(5);
    expect(d.changes).toEqual([
      { path: 'q3.classes[1].mean', old: 0.2, new: 0.25 },
      { path: 'q3.classes[2]', old: undefined, new: { mean: 0 } },
      { path: '["odd key"]', old: 1, new: 2 },
      { path: 'gone', old: true, new: undefined },
      { path: 'added', old: undefined, new: 'x' },
    ]);
    expect(formatChanges(diffJson(a, b, 2))).toEqual([
      '  q3.classes[1].mean: 0.2 → 0.25',
      '  q3.classes[2]: (absent) → {"mean":0}',
      '  … and 3 more',
      '  (differences by section: q3 2, ["odd key"] 1, gone 1, added 1)',
    ]);
    expect(d.bySection).toEqual({ q3: 2, '["odd key"]': 1, gone: 1, added: 1 });
  });
  it('compares numbers by value (NaN equals NaN) and prefixes paths', () => {
    expect(diffJson({ x: Number.NaN, z: -0 }, { x: Number.NaN, z: 0 }).total).toBe(0);
    expect(diffJson({ x: Number.NaN }, { x: null }).changes).toEqual([
      { path: 'x', old: Number.NaN, new: null },
    ]);
    expect(diffJson({ lambda: 1 }, { lambda: 2 }, 10, 'options').changes[0]!.path).toBe('options.lambda');
    expect(diffJson(1, 2).changes[0]!.path).toBe('(root)');
  });
});
