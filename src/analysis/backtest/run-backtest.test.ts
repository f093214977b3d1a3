import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerBargainFunctions } from '../../bargain/formula-functions.js';
import { factIdsFromYaml, sourceProblems } from '../../scenario/sources.js';
import { backtestData } from './backtest-report.js';
import { loadEpisode, parseEpisode } from './load-episode.js';
import { factIds, runBacktest } from './run-backtest.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIX = join(ROOT, 'test/fixtures/backtest');
const SHARED = join(ROOT, '..', 'shared');
const EPISODES = join(ROOT, 'episodes');
const bundled = () =>
  readdirSync(EPISODES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => loadEpisode(join(EPISODES, f), `episodes/${f}`));

beforeAll(() => registerBargainFunctions());

describe('backtest of the toy episodes (answers known by construction)', () => {
  it('scores the toy hit: P(stay | provoke) = 3/4 at λ = 1, Brier 1/8, log score ln 3/4', () => {
    const r = runBacktest([loadEpisode(join(FIX, 'toy-hit.yaml'))], { seed: 1, draws: 3 });
    const e = r.episodes[0]!;
    expect(e.forecast[0]).toBeCloseTo(0.75, 9);
    expect(e.forecast[1]).toBeCloseTo(0.25, 9);
    expect(e.model.hit).toBe(1);
    expect(e.model.rank).toBe(1);
    expect(e.model.brier).toBeCloseTo(0.125, 9);
    expect(e.model.log).toBeCloseTo(Math.log(0.75), 9);
    // Point parameters: every draw gives the same forecast, so the interval is a point.
    expect(e.predicted[0]!.low).toBeCloseTo(0.75, 9);
    expect(e.predicted[0]!.high).toBeCloseTo(0.75, 9);
    // Uniform over two options: Brier 1/2, log score −ln 2.
    expect(e.uniform.scores.brier).toBeCloseTo(0.5, 15);
    expect(e.uniform.scores.log).toBeCloseTo(-Math.log(2), 15);
  });

  it('sums up over episodes with leave-one-out base rates', () => {
    const r = runBacktest([loadEpisode(join(FIX, 'toy-hit.yaml')), loadEpisode(join(FIX, 'toy-miss.yaml'))], {
      seed: 1,
      draws: 2,
    });
    // toy-miss: after calm the model favours go (3/4) but the real choice is stay: Brier 9/8, log ln 1/4.
    expect(r.episodes[1]!.model.brier).toBeCloseTo(1.125, 9);
    expect(r.episodes[1]!.model.log).toBeCloseTo(Math.log(0.25), 9);
    expect(r.model.brier).toBeCloseTo((0.125 + 1.125) / 2, 9);
    expect(r.model.hitRate).toBe(0.5);
    // Base rate for each: the other's real choice is 'match' → r(match) = 2/4, r(escalate) = 1/4 →
    // forecast (2/3, 1/3) over (stay: match, go: escalate); Brier 2/9 for both.
    expect(r.episodes[0]!.baseRate.forecast[0]).toBeCloseTo(2 / 3, 15);
    expect(r.baseRate.brier).toBeCloseTo(2 / 9, 15);
    expect(r.skill.vsUniform).toBeCloseTo(1 - 0.625 / 0.5, 9);
  });

  it('does not score episodes a parameter was tuned on', () => {
    const text = readFileSync(join(FIX, 'toy-hit.yaml'), 'utf8').concat(
      'tuned: [{ parameter: gain, on: [toy-miss], reason: "ln 3 fitted on the toy" }]\n',
    );
    const r = runBacktest(
      [parseEpisode(text, join(FIX, 'toy-hit.yaml')), loadEpisode(join(FIX, 'toy-miss.yaml'))],
      { seed: 1, draws: 2 },
    );
    expect(r.episodes.map((e) => e.scored)).toEqual([true, false]);
    expect(r.episodes[1]!.tunedOn).toEqual(['gain (toy-hit)']);
    expect(r.scoredCount).toBe(1);
    expect(r.model.brier).toBeCloseTo(0.125, 9);
    // The base rate of the scored episode comes from no other scored episode: 1/3 per class.
    expect(r.episodes[0]!.baseRate.forecast[0]).toBeCloseTo(0.5, 15);
  });
});

describe('the bundled episodes', () => {
  it('load, and each cites a fact and has a real choice among its options', () => {
    const eps = bundled();
    expect(eps.length).toBeGreaterThanOrEqual(9);
    for (const ep of eps) {
      expect(factIds(ep).length, ep.label).toBeGreaterThan(0);
      expect(ep.realIndex, ep.label).toBeGreaterThanOrEqual(0);
      expect(ep.spec.tuned, ep.label).toEqual([]);
    }
  });

  it('give the same figures for the same seed, and others for another seed', () => {
    const a = JSON.stringify(backtestData(runBacktest(bundled(), { seed: 5, draws: 12 })));
    const b = JSON.stringify(backtestData(runBacktest(bundled(), { seed: 5, draws: 12 })));
    const c = JSON.stringify(backtestData(runBacktest(bundled(), { seed: 6, draws: 12 })));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  describe.skipIf(!existsSync(join(SHARED, 'facts', 'facts.yaml')))(
    'against ../shared (skipped when absent)',
    () => {
      it("cite fact ids that exist in facts.yaml, and their scenarios' sources check out", () => {
        const facts = factIdsFromYaml(readFileSync(join(SHARED, 'facts', 'facts.yaml'), 'utf8'));
        const seedDir = join(SHARED, 'seeds');
        const seeds = new Map(readdirSync(seedDir).map((f) => [f, readFileSync(join(seedDir, f), 'utf8')]));
        for (const ep of bundled()) {
          for (const id of factIds(ep)) expect(facts.has(id), `${ep.label}: fact ${id}`).toBe(true);
          expect(sourceProblems(ep.model.spec, { facts, seeds }), ep.label).toEqual([]);
        }
      });

      it('cover every calibration episode of facts.yaml', () => {
        const episodesOfFacts = [
          ...factIdsFromYaml(readFileSync(join(SHARED, 'facts', 'facts.yaml'), 'utf8')),
        ].filter((id) => id.startsWith('ep-'));
        const cited = new Set(bundled().flatMap(factIds));
        for (const id of episodesOfFacts) expect(cited.has(id), id).toBe(true);
      });
    },
  );
});
