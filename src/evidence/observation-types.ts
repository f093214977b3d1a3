// The shape of one logged observation of an indicator, shared by the evidence log (src/store) and
// the assessment (src/evidence). Source grading follows the NATO Admiralty code (STANAG 2511 /
// AJP-2.1): reliability of the source A–F, credibility of the information 1–6.

/** NATO Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged. */
export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
/** Information credibility: 1 confirmed … 5 improbable, 6 cannot be judged. */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

export type EvidenceValue =
  /** The indicator's observed state. */
  | { kind: 'hard'; state: string }
  /** Virtual evidence (Pearl 1988): relative likelihood of each state. */
  | { kind: 'likelihood'; weights: Record<string, number> }
  /** Jeffrey's rule: probability of each state after the observation. */
  | { kind: 'probability'; probs: Record<string, number> };

export interface Observation {
  readonly id: number;
  readonly scenario: string;
  readonly indicator: string;
  readonly value: EvidenceValue;
  /** ISO date (YYYY-MM-DD) of the event observed. */
  readonly eventDate: string;
  /** ISO date the report reached the analyst; `--as-of` filters on it. */
  readonly reportDate: string;
  readonly source: string;
  readonly reliability: Reliability;
  readonly credibility: Credibility;
  readonly note?: string;
  readonly category?: { plover: string; cameo?: string; goldstein?: number };
  readonly retracted?: { at: string; reason: string };
}
