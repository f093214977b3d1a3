// A small evidence model and observation maker shared by the tests of src/evidence.
import type { EvidenceModel } from '../scenario/model.js';
import type { Credibility, EvidenceValue, Observation, Reliability } from './observation-types.js';

/** Set `intent`: time 0.25, risk 0.75. Indicators: carrier and patriot (group posture), oil. */
export const MODEL: EvidenceModel = {
  sets: [
    {
      id: 'intent',
      label: 'Intent',
      type: 'talks_intent',
      path: [],
      hypotheses: [
        { id: 'time', label: 'time', prior: 0.25, source: { judgement: 't' } },
        { id: 'risk', label: 'risk', prior: 0.75, source: { judgement: 't' } },
      ],
    },
  ],
  indicators: [
    {
      id: 'carrier',
      label: 'Carrier',
      set: 'intent',
      states: ['seen', 'not_seen'],
      likelihood: [
        [0.8, 0.2],
        [0.4, 0.6],
      ],
      group: 'posture',
      line: 0,
      source: { judgement: 't' },
      path: [],
    },
    {
      id: 'patriot',
      label: 'Patriot',
      set: 'intent',
      states: ['seen', 'not_seen'],
      likelihood: [
        [0.9, 0.1],
        [0.3, 0.7],
      ],
      group: 'posture',
      line: 0,
      source: { judgement: 't' },
      path: [],
    },
    {
      id: 'oil',
      label: 'Oil',
      set: 'intent',
      states: ['up', 'flat'],
      likelihood: [
        [0.6, 0.4],
        [0.3, 0.7],
      ],
      line: 0,
      source: { judgement: 't' },
      path: [],
    },
  ],
};

export function obs(
  id: number,
  indicator: string,
  value: EvidenceValue | string,
  reportDate = '2026-01-10',
  grade: [Reliability, Credibility] = ['A', 1],
): Observation {
  return {
    id,
    scenario: 't',
    indicator,
    value: typeof value === 'string' ? { kind: 'hard', state: value } : value,
    eventDate: reportDate,
    reportDate,
    source: 'test',
    reliability: grade[0],
    credibility: grade[1],
  };
}
