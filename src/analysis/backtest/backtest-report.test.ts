import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../report/render-markdown.js';
import { backtestReport } from './backtest-report.js';
import { parseEpisode } from './load-episode.js';
import { runBacktest } from './run-backtest.js';

const FIX = join(resolve(import.meta.dirname, '../../..'), 'test/fixtures/backtest');
const TOY = readFileSync(join(FIX, 'toy-hit.yaml'), 'utf8');

/** n copies of the toy episode under different ids. */
function toys(n: number) {
  return Array.from({ length: n }, (_, i) =>
    parseEpisode(TOY.replace('id: toy-hit', `id: toy-${i}`), join(FIX, `toy-${i}.yaml`), `toy-${i}.yaml`),
  );
}

describe('the backtest report', () => {
  it('says when there are too few episodes for a reliability diagram', () => {
    const doc = backtestReport(runBacktest(toys(9), { seed: 1, draws: 1 }), {
      version: 'test',
      episodes: 'toys',
    });
    const cal = doc.sections.find((s) => s.id === 'calibration')!;
    expect(cal.blocks.some((b) => b.kind === 'line-chart')).toBe(false);
    expect(renderMarkdown(doc)).toContain(
      'Too few episodes for a reliability diagram: 9 scored, the diagram needs at least 10.',
    );
  });

  it('draws the reliability diagram from ten episodes: every toy forecast 3/4 on the real choice', () => {
    const doc = backtestReport(runBacktest(toys(10), { seed: 1, draws: 1 }), {
      version: 'test',
      episodes: 'toys',
    });
    const chart = doc.sections
      .find((s) => s.id === 'calibration')!
      .blocks.find((b) => b.kind === 'line-chart');
    expect(chart?.kind).toBe('line-chart');
    if (chart?.kind !== 'line-chart') return;
    const model = chart.points.filter((p) => p.series === 'model');
    // Bins [0.2, 0.4): the ten 1/4 forecasts, none right; [0.6, 0.8): the ten 3/4 forecasts, all right.
    expect(model.map((p) => [Number(p.x.toFixed(9)), p.y])).toEqual([
      [0.25, 0],
      [0.75, 1],
    ]);
    expect(doc.sections.filter((s) => s.id.startsWith('episode-'))).toHaveLength(10);
  });
});
