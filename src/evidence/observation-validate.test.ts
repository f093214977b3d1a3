import { describe, expect, it } from 'vitest';
import type { EvidenceModel, IndicatorModel } from '../scenario/model.js';
import {
  type ObservationFields,
  PLOVER_CATEGORIES,
  type ValidationContext,
  observationFields,
  ploverOfCameo,
  problemText,
  validateObservation,
} from './observation-validate.js';

function indicator(id: string, states: string[]): IndicatorModel {
  return {
    id,
    label: id,
    set: 'intent',
    states,
    likelihood: [states.map(() => 1 / states.length)],
    line: 0,
    source: { judgement: 'test' },
    path: ['evidence', 'indicators', id],
  };
}

const evidence: EvidenceModel = {
  sets: [
    {
      id: 'intent',
      label: 'intent',
      hypotheses: [
        { id: 'a', label: 'a', prior: 0.5, source: { judgement: 'test' } },
        { id: 'b', label: 'b', prior: 0.5, source: { judgement: 'test' } },
      ],
      path: ['evidence', 'sets', 'intent'],
    } as EvidenceModel['sets'][number],
  ],
  indicators: [
    indicator('carrier_arrival', ['observed', 'not_observed']),
    indicator('brent', ['up', 'flat', 'down']),
  ],
};
const ctx: ValidationContext = { scenario: 'test-scenario', evidence };

const base: ObservationFields = {
  indicator: 'carrier_arrival',
  state: 'observed',
  event_date: '2026-02-10',
  report_date: '2026-02-11',
  source: 'Reuters',
  reliability: 'B',
  credibility: '2',
};

function problems(fields: ObservationFields, c: ValidationContext = ctx): string[] {
  const r = validateObservation(fields, c);
  if (r.ok) throw new Error('expected problems');
  return r.problems.map((p) => problemText(p));
}

describe('validateObservation', () => {
  it('types a valid hard observation, with its category', () => {
    const r = validateObservation(
      {
        ...base,
        reliability: 'b',
        note: '  seen off Oman ',
        plover: 'mobilize',
        cameo: '152',
        goldstein: '-7.2',
      },
      ctx,
    );
    expect(r).toEqual({
      ok: true,
      observation: {
        scenario: 'test-scenario',
        indicator: 'carrier_arrival',
        value: { kind: 'hard', state: 'observed' },
        eventDate: '2026-02-10',
        reportDate: '2026-02-11',
        source: 'Reuters',
        reliability: 'B',
        credibility: 2,
        note: 'seen off Oman',
        category: { plover: 'MOBILIZE', cameo: '152', goldstein: -7.2 },
      },
    });
  });

  it('reads soft evidence: likelihood weights and probabilities over every state', () => {
    const w = validateObservation(
      { ...base, state: undefined, weights: 'observed=0.8, not_observed=0.2' },
      ctx,
    );
    expect(w.ok && w.observation.value).toEqual({
      kind: 'likelihood',
      weights: { observed: 0.8, not_observed: 0.2 },
    });
    const p = validateObservation(
      { ...base, indicator: 'brent', state: undefined, probs: 'up=0.1;flat=0.2;down=0.7' },
      ctx,
    );
    expect(p.ok && p.observation.value).toEqual({
      kind: 'probability',
      probs: { up: 0.1, flat: 0.2, down: 0.7 },
    });
  });

  it('suggests the closest indicator and state', () => {
    expect(problems({ ...base, indicator: 'carrier_arival' })).toEqual([
      "indicator — expected one of the indicators of scenario 'test-scenario' (did you mean 'carrier_arrival'?), got 'carrier_arival'",
    ]);
    expect(problems({ ...base, state: 'observd' })).toEqual([
      "state — expected a state of indicator 'carrier_arrival' (observed, not_observed) (did you mean 'observed'?), got 'observd'",
    ]);
  });

  it('says when the scenario declares no indicators', () => {
    expect(problems(base, { scenario: 'bare', evidence: undefined })).toEqual([
      "indicator — expected an indicator of scenario 'bare', which declares none (it has no evidence: section), got 'carrier_arrival'",
    ]);
  });

  it('checks soft evidence: known states, non-negative, every state, probabilities adding to 1', () => {
    const soft = { ...base, state: undefined };
    expect(problems({ ...soft, weights: 'observed=-1,not_observed=1' })).toEqual([
      "weights — expected a non-negative number for 'observed', got '-1'",
    ]);
    expect(problems({ ...soft, weights: 'observed=1' })).toEqual([
      'weights — expected a value for every state (observed, not_observed); missing not_observed',
    ]);
    expect(problems({ ...soft, weights: 'observed=0,not_observed=0' })).toEqual([
      'weights — expected at least one positive likelihood weight, got all zero',
    ]);
    expect(problems({ ...soft, probs: 'observed=0.5,not_observed=0.6' })).toEqual([
      'probs — expected probabilities that add up to 1, got a sum of 1.1',
    ]);
    expect(problems({ ...soft, probs: 'seen=0.5,not_observed=0.5' })).toEqual([
      "probs — expected a state one of observed, not_observed, got 'seen'",
    ]);
    expect(problems({ ...soft, probs: 'observed=0.5,observed=0.5' })).toEqual([
      "probs — expected each state once, got 'observed' twice",
    ]);
    expect(problems({ ...base, weights: 'observed=1,not_observed=1' })).toEqual([
      'weights — expected exactly one of state, weights and probs, got state and weights',
    ]);
    expect(problems(soft)).toEqual([
      'state — expected the observed value: a state, or likelihood weights, or probabilities (the field is missing)',
    ]);
  });

  it('checks dates: real ISO dates, the report not before the event', () => {
    expect(problems({ ...base, event_date: '2026-02-30' })).toEqual([
      "event_date — expected an ISO date YYYY-MM-DD, got '2026-02-30'",
    ]);
    expect(problems({ ...base, report_date: '11/02/2026' })).toEqual([
      "report_date — expected an ISO date YYYY-MM-DD, got '11/02/2026'",
    ]);
    expect(problems({ ...base, report_date: '2026-02-09' })).toEqual([
      "report_date — expected a date on or after the event date 2026-02-10 (a report cannot precede its event), got '2026-02-09'",
    ]);
    expect(problems({ ...base, event_date: '' })).toEqual([
      'event_date — expected an ISO date YYYY-MM-DD (the field is missing)',
    ]);
  });

  it('checks the Admiralty grading: reliability A–F, credibility 1–6', () => {
    expect(problems({ ...base, reliability: 'G', credibility: '7' })).toEqual([
      "reliability — expected a source reliability A–F (Admiralty code), got 'G'",
      "credibility — expected an information credibility 1–6 (Admiralty code), got '7'",
    ]);
    expect(problems({ ...base, source: ' ', reliability: undefined })).toEqual([
      'source — expected the source of the report (free text) (the field is missing)',
      'reliability — expected a source reliability A–F (Admiralty code) (the field is missing)',
    ]);
  });

  it('checks the event category: PLOVER list, CAMEO format and its PLOVER category, Goldstein in [-10, 10]', () => {
    expect(problems({ ...base, plover: 'ATTACK' })[0]).toMatch(
      /^plover — expected a PLOVER event category \(AGREE, CONSULT, .*, FIGHT\), got 'ATTACK'$/,
    );
    expect(problems({ ...base, plover: 'MOBILIZE', cameo: '2' })).toEqual([
      "cameo — expected a CAMEO event code: a cue category 01–20 with up to two more digits (e.g. 15, 150, 1511), got '2'",
    ]);
    expect(problems({ ...base, plover: 'MOBILIZE', cameo: '21' })).toHaveLength(1);
    expect(problems({ ...base, plover: 'MOBILIZE', cameo: '12345' })).toHaveLength(1);
    expect(problems({ ...base, plover: 'THREATEN', cameo: '152' })).toEqual([
      'cameo — expected a CAMEO code of PLOVER category THREATEN (CAMEO 152 is MOBILIZE in the PLOVER migration table)',
    ]);
    expect(problems({ ...base, plover: 'MOBILIZE', goldstein: '-10.5' })).toEqual([
      "goldstein — expected a Goldstein score from -10 to 10, got '-10.5'",
    ]);
    expect(problems({ ...base, goldstein: '3' })).toEqual([
      'plover — expected a PLOVER event category when a CAMEO code or Goldstein score is given (the field is missing)',
    ]);
    const edge = validateObservation({ ...base, plover: 'AGREE', cameo: '01', goldstein: '10' }, ctx);
    expect(edge.ok).toBe(true);
  });

  it('refuses an observation of another scenario', () => {
    expect(problems({ ...base, scenario: 'other' })).toEqual([
      "scenario — expected 'test-scenario' (the scenario being logged) or nothing, got 'other'",
    ]);
  });

  it('reports every problem of a row at once, in column order', () => {
    expect(
      problems({ indicator: 'brent', state: 'up', reliability: 'Z', credibility: '0', event_date: 'x' }),
    ).toEqual([
      "event_date — expected an ISO date YYYY-MM-DD, got 'x'",
      'report_date — expected an ISO date YYYY-MM-DD (the field is missing)',
      'source — expected the source of the report (free text) (the field is missing)',
      "reliability — expected a source reliability A–F (Admiralty code), got 'Z'",
      "credibility — expected an information credibility 1–6 (Admiralty code), got '0'",
    ]);
  });

  it('checks the dates and the category even when the value is wrong', () => {
    expect(
      problems({ ...base, state: 'seen', report_date: '2026-01-01', plover: 'AID', cameo: '15' }),
    ).toEqual([
      "state — expected a state of indicator 'carrier_arrival' (observed, not_observed), got 'seen'",
      "report_date — expected a date on or after the event date 2026-02-10 (a report cannot precede its event), got '2026-01-01'",
      'cameo — expected a CAMEO code of PLOVER category AID (CAMEO 15 is MOBILIZE in the PLOVER migration table)',
    ]);
  });

  it('observationFields is the inverse of validation', () => {
    const r = validateObservation(
      {
        ...base,
        state: undefined,
        indicator: 'brent',
        weights: 'up=2,flat=1,down=0.5',
        plover: 'AID',
        goldstein: '1e-7',
      },
      ctx,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const again = validateObservation(observationFields(r.observation), ctx);
    expect(again).toEqual(r);
  });
});

describe('PLOVER and CAMEO', () => {
  it('has the 19 PLOVER categories, and maps CAMEO cue categories as the PLOVER README does', () => {
    expect(PLOVER_CATEGORIES).toHaveLength(19);
    expect(new Set(PLOVER_CATEGORIES).size).toBe(19);
    expect(ploverOfCameo('0311')).toEqual(['AGREE']);
    expect(ploverOfCameo('082')).toEqual(['CONCEDE']);
    expect(ploverOfCameo('086')).toEqual(['RETREAT']);
    expect(ploverOfCameo('08')).toEqual(['CONCEDE', 'RETREAT']);
    expect(ploverOfCameo('20')).toEqual(['FIGHT']);
    expect(ploverOfCameo('02')).toEqual([]);
  });
});
