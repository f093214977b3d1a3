import { describe, expect, test } from 'vitest';
import { MODEL } from '../../../src/evidence/test-fixtures.js';
import {
  checkForm,
  emptyForm,
  formFields,
  messagesByField,
  softTemplate,
  withIndicator,
} from './observation-form.js';

const ctx = { scenario: 'test', evidence: MODEL };
const filled = {
  ...emptyForm(MODEL),
  event_date: '2026-02-10',
  report_date: '2026-02-11',
  source: 'Reuters',
  reliability: 'B',
  credibility: '2',
};

describe('the evidence form', () => {
  test('starts on the first indicator and its first state', () => {
    const f = emptyForm(MODEL);
    expect([f.indicator, f.kind, f.state]).toEqual(['carrier', 'state', 'seen']);
  });

  test('sends the non-blank fields and only the value of the chosen kind', () => {
    const f = { ...filled, weights: 'seen=2, not_seen=1', note: '  ', plover: 'MOBILIZE', cameo: '152' };
    expect(formFields(f)).toEqual({
      indicator: 'carrier',
      state: 'seen',
      event_date: '2026-02-10',
      report_date: '2026-02-11',
      source: 'Reuters',
      reliability: 'B',
      credibility: '2',
      plover: 'MOBILIZE',
      cameo: '152',
    });
    expect(formFields({ ...f, kind: 'weights' })).toMatchObject({ weights: 'seen=2, not_seen=1' });
    expect(formFields({ ...f, kind: 'weights' })).not.toHaveProperty('state');
  });

  test('a valid form has no messages', () => {
    expect(checkForm(filled, ctx)).toEqual({});
    expect(checkForm({ ...filled, kind: 'probs', probs: 'seen=0.7;not_seen=0.3' }, ctx)).toEqual({});
  });

  test('problems are shown per field, worded as the CLI and the server word them', () => {
    const m = checkForm(
      {
        ...filled,
        report_date: '2026-02-09',
        source: '',
        reliability: 'G',
        cameo: '152',
        kind: 'probs',
        probs: 'seen=0.7, not_seen=0.2',
      },
      ctx,
    );
    expect(Object.keys(m).sort()).toEqual(['plover', 'probs', 'reliability', 'report_date', 'source']);
    expect(m.reliability).toEqual([
      "reliability — expected a source reliability A–F (Admiralty code), got 'G'",
    ]);
    expect(m.probs![0]).toMatch(/^probs — expected probabilities that add up to 1, got a sum of 0\.9$/);
    expect(m.report_date![0]).toMatch(/on or after the event date 2026-02-10/);
    expect(m.source![0]).toMatch(/^source — expected the source of the report/);
  });

  test('changing the indicator takes its first state and clears soft evidence', () => {
    const f = withIndicator({ ...filled, state: 'not_seen', weights: 'seen=1,not_seen=2' }, MODEL, 'oil');
    const oil = MODEL.indicators.find((i) => i.id === 'oil')!;
    expect([f.indicator, f.state, f.weights]).toEqual(['oil', oil.states[0], '']);
    expect(softTemplate(oil.states)).toBe(oil.states.map((s) => `${s}=`).join(', '));
  });

  test('server problems group by field', () => {
    expect(
      messagesByField([
        { field: 'state', message: 'a' },
        { field: 'state', message: 'b' },
        { field: 'source', message: 'c' },
      ]),
    ).toEqual({ state: ['a', 'b'], source: ['c'] });
  });
});
