import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Text } from '@codemirror/state';
import { describe, expect, test } from 'vitest';
import { diagnosticRange, lintMarks, scenarioDiagnostics } from './diagnostics.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const US_IRAN = readFileSync(join(ROOT, 'scenarios', 'us-iran-2026.yaml'), 'utf8');

describe('scenario diagnostics for the editor', () => {
  test('the bundled scenario has none', () => {
    expect(scenarioDiagnostics(US_IRAN, 'us-iran-2026.yaml')).toEqual([]);
  });

  test('a YAML syntax error is located at its line', () => {
    const text = 'id: x\ntitle: "unclosed\nactors: []\n';
    const ds = scenarioDiagnostics(text, 's.yaml');
    expect(ds.length).toBeGreaterThan(0);
    expect(ds[0]!.file).toBe('s.yaml');
    expect(ds[0]!.line).toBeGreaterThanOrEqual(2);
  });

  test('an unknown function in a formula is marked at its line and column, with the field path', () => {
    const lines = US_IRAN.split('\n');
    const at = lines.findIndex((l) => l.includes('durable_deal_value('));
    expect(at).toBeGreaterThan(0);
    lines[at] = lines[at]!.replace('durable_deal_value(', 'durable_deal_valu(');
    const ds = scenarioDiagnostics(lines.join('\n'), 'us-iran-2026.yaml');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.line).toBe(at + 1);
    expect(ds[0]!.message).toMatch(/unknown function 'durable_deal_valu'.*did you mean 'durable_deal_value'/);
    const doc = Text.of(lines);
    const [mark] = lintMarks(ds, doc);
    expect(doc.lineAt(mark!.from).number).toBe(at + 1);
    expect(doc.sliceString(mark!.from, mark!.to)).toBe('durable_deal_valu');
    expect(mark!.severity).toBe('error');
    expect(mark!.message).toBe(`${ds[0]!.path} — ${ds[0]!.message}`);
  });
});

describe('diagnosticRange', () => {
  const doc = Text.of(['id: x', '  title:   hello world  ', '  f: "(a.b + 1)"']);
  test('from the column to the end of the name there, else of the token', () => {
    const r = diagnosticRange({ line: 2, col: 12 }, doc);
    expect(doc.sliceString(r.from, r.to)).toBe('hello');
    const name = diagnosticRange({ line: 3, col: 8 }, doc);
    expect(doc.sliceString(name.from, name.to)).toBe('a.b');
    const token = diagnosticRange({ line: 3, col: 6 }, doc);
    expect(doc.sliceString(token.from, token.to)).toBe('"(a.b');
  });
  test('at a space: the rest of the line’s content', () => {
    const r = diagnosticRange({ line: 2, col: 1 }, doc);
    expect(doc.sliceString(r.from, r.to)).toBe('  title:   hello world');
  });
  test('unknown position (line 0) marks the start; lines and columns past the end are clamped', () => {
    expect(diagnosticRange({ line: 0, col: 0 }, doc)).toEqual({ from: 0, to: 2 }); // 'id'
    const end = diagnosticRange({ line: 9, col: 40 }, doc);
    expect(end).toEqual({ from: doc.length, to: doc.length });
  });
});
