import { describe, expect, test } from 'vitest';
import { ScenarioError, formatDiagnostic, formatPath, sortDiagnostics } from './diagnostics.js';

describe('diagnostics', () => {
  test('paths read like the YAML', () => {
    expect(formatPath(['stages', 2, 'options', 0])).toBe('stages[2].options[0]');
    expect(formatPath(['state', 'oil-flow'])).toBe('state["oil-flow"]');
    expect(formatPath([])).toBe('(top level)');
  });

  test('format, order and the error that carries them', () => {
    const a = { file: 'f.yaml', line: 9, col: 2, path: 'b', message: 'second' };
    const b = { file: 'f.yaml', line: 3, col: 7, path: 'a', message: 'first' };
    const none = { file: 'f.yaml', line: 0, col: 0, path: '(file)', message: 'unreadable' };
    expect(formatDiagnostic(b)).toBe('f.yaml:3:7: a — first');
    expect(formatDiagnostic(none)).toBe('f.yaml: (file) — unreadable');
    expect(sortDiagnostics([a, b]).map((d) => d.message)).toEqual(['first', 'second']);
    const e = new ScenarioError([b, a]);
    expect(e.message).toBe('f.yaml:3:7: a — first\nf.yaml:9:2: b — second');
    expect(e.diagnostics).toHaveLength(2);
  });
});
