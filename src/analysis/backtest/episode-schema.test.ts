import { describe, expect, it } from 'vitest';
import { Episode, episodeKeys } from './episode-schema.js';

const BASE = {
  brink_episode: 1,
  id: 'e',
  title: 'E',
  sources: ['fact:ep-2019-06-drone'],
  scenario: 'x.yaml',
  decision: { stage: 's', classes: { a: 'match' } },
  real_choice: 'a',
};

describe('the episode schema', () => {
  it('takes a bare year as the text of the year, and fills the defaults', () => {
    const e = Episode.parse({ ...BASE, date: 1988 });
    expect(e.date).toBe('1988');
    expect(e.situation).toEqual({ moves: {}, knew: {}, parameters: {} });
    expect(e.tuned).toEqual([]);
  });

  it('refuses a malformed date, an unknown class and a source without a kind', () => {
    expect(Episode.safeParse({ ...BASE, date: '88-07' }).success).toBe(false);
    expect(
      Episode.safeParse({ ...BASE, date: '1988-07', decision: { stage: 's', classes: { a: 'up' } } }).success,
    ).toBe(false);
    expect(Episode.safeParse({ ...BASE, date: '1988', sources: [{ note: 'x' }] }).success).toBe(false);
    expect(
      Episode.safeParse({ ...BASE, date: '1988', sources: [{ citation: 'Chicago Tribune' }] }).success,
    ).toBe(true);
  });

  it('knows its field names for suggestions', () => {
    const keys = episodeKeys();
    for (const k of ['real_choice', 'situation', 'moves', 'knew', 'classes', 'tuned'])
      expect(keys.has(k)).toBe(true);
  });
});
