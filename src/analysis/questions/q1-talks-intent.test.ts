import { describe, expect, test } from 'vitest';
import { q1EvidenceBlocks } from './q1-talks-intent.js';

describe('question 1 with --evidence', () => {
  test('states the prior used and the posterior table with ICD 203 terms', () => {
    const blocks = q1EvidenceBlocks({
      asOf: '2026-01-31',
      priors: { talks_intent: { buying_time: 0.2354, risk_control: 0.5028, legitimacy: 0.2618 } },
      sets: [
        {
          set: 'talks_intent',
          type: 'talks_intent',
          hypotheses: ['buying_time', 'risk_control', 'legitimacy'],
          prior: [0.1703, 0.5456, 0.2841],
          posterior: [0.2354, 0.5028, 0.2618],
          reports: 2,
          counted: 1,
        },
      ],
    });
    expect(blocks[0]).toEqual({
      kind: 'paragraph',
      text: "Evidence-based prior (brink analyze --evidence, reports received by 2026-01-31): the prior of talks_intent is the posterior of hypothesis set 'talks_intent' after 2 report(s), 1 counted (one per group of correlated indicators): buying_time 23.5%, risk_control 50.3%, legitimacy 26.2%. It replaces the scenario's prior formula, so it no longer depends on us_resolve; the rest of the model is unchanged.",
    });
    expect(blocks[1]).toMatchObject({
      kind: 'table',
      rows: [
        ['buying_time', '17.0%', '23.5%', 'unlikely'],
        ['risk_control', '54.6%', '50.3%', 'roughly even chance'],
        ['legitimacy', '28.4%', '26.2%', 'unlikely'],
      ],
    });
  });

  test('says so when no set stands for talks_intent', () => {
    expect(q1EvidenceBlocks({ priors: {}, sets: [] })).toEqual([
      {
        kind: 'paragraph',
        text: "Evidence (all reports logged): no hypothesis set of the scenario stands for talks_intent, so its prior is the scenario's.",
      },
    ]);
  });
});
