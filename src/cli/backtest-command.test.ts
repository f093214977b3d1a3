import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, brink } from '../../test/support/brink-cli.js';

const TOY = 'test/fixtures/backtest/toy-hit.yaml';

describe('brink backtest', () => {
  it('scores the toy episode as a hit, with the hand-computed Brier and log scores', () => {
    const r = brink('backtest', TOY, '--draws', '3', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out).data;
    expect(data.scored).toBe(1);
    const e = data.episodes[0];
    expect(e.id).toBe('toy-hit');
    expect(e.forecast[0]).toBeCloseTo(0.75, 9);
    expect(e.model.hit).toBe(1);
    expect(e.model.brier).toBeCloseTo(0.125, 9);
    expect(e.model.log).toBeCloseTo(Math.log(0.75), 9);
  });

  it('runs the bundled episodes by default, byte-identical for a seed', () => {
    const a = brink('backtest', '--draws', '20', '--seed', '4', '--format', 'md');
    const b = brink('backtest', '--draws', '20', '--seed', '4', '--format', 'md');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out).toContain('# Brink backtest: ');
    expect(a.out).toContain('1988-iran-air-655');
    expect(a.out).toContain('2024-01-tower-22-us');
  });

  it('writes HTML to a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-backtest-'));
    const out = join(dir, 'bt.html');
    const r = brink('backtest', TOY, '--draws', '2', '--format', 'html', '-o', out);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  });

  it('refuses a real choice that is not a modelled option, with exit code 2 and the place', () => {
    const r = brink('backtest', 'test/fixtures/backtest/bad-choice.yaml');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      "brink: test/fixtures/backtest/bad-choice.yaml:12:14: real_choice — the real choice 'surrender' is not among the modelled options of responder at stage 'second': the options are stay, go. Model the choice actually made as an option, or map it to the closest one and say so in real_choice_note\n",
    );
  });

  it('refuses bad options and missing files with exit code 2', () => {
    expect(brink('backtest', TOY, '--draws', '0').err).toBe(
      'brink: --draws 0: expected a whole number from 1 to 100000000\n',
    );
    expect(brink('backtest', TOY, '--format', 'pdf').code).toBe(2);
    expect(brink('backtest', TOY, '--json', '--format', 'md').err).toBe(
      'brink: --json and --format md disagree: give one of them\n',
    );
    const missing = brink('backtest', 'no/such/episode.yaml');
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('brink: no/such/episode.yaml: no such episode file or directory\n');
  });

  it('takes a directory of episodes, and refuses two episodes with one id', () => {
    const r = brink('backtest', join(ROOT, 'episodes'), '--draws', '2', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).data.episodes.length).toBeGreaterThanOrEqual(9);
    const twice = brink('backtest', TOY, TOY, '--draws', '2');
    expect(twice.code).toBe(2);
    expect(twice.err).toBe(`brink: ${TOY}: episode id 'toy-hit' is also the id of ${TOY}\n`);
  });
});
