import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeCommand, parseDraws, parseFormat, parseSeed } from './analyze-command.js';
import { UsageError } from './errors.js';

describe('brink analyze options', () => {
  test('seed, draws and format are checked with a clear message', () => {
    expect(parseSeed('7')).toBe(7);
    expect(parseSeed(undefined)).toBeUndefined();
    expect(() => parseSeed('-1')).toThrow(UsageError);
    expect(() => parseSeed('1.5')).toThrow('--seed 1.5: expected a whole number ≥ 0');
    expect(parseDraws('40')).toBe(40);
    expect(() => parseDraws('0')).toThrow('--draws 0: expected a whole number from 1 to 100000');
    expect(() => parseDraws('many')).toThrow(UsageError);
    expect(parseFormat(undefined)).toBe('text');
    expect(parseFormat('md')).toBe('md');
    expect(() => parseFormat('pdf')).toThrow('--format pdf: expected one of text, md, html, json');
  });

  test('a missing scenario file is a located scenario error, not a crash', async () => {
    await expect(analyzeCommand('no/such/scenario.yaml', { quiet: true })).rejects.toThrow(
      'no/such/scenario.yaml: (file) — cannot read the scenario: no such file',
    );
  });

  test('the bundled scenario is found from any working directory; --out writes the JSON report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-analyze-'));
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      await analyzeCommand(undefined, { draws: '1', format: 'json', out: 'report.json', quiet: true });
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
      expect(report.provenance.scenario).toBe('scenarios/us-iran-2026.yaml');
      expect(report.provenance.draws).toBe(1);
      expect(report.provenance.seed).toBe(1);
      expect(report.sections.map((s: { id: string }) => s.id)).toContain('q7-public-vs-backchannel');
      // The raw aggregate figures ride along in the JSON output.
      expect(report.data.draws).toBe(1);
      expect(report.data.q3.classes).toHaveLength(6);
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
