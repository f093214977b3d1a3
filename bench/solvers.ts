// Which Brink solver stands for which Gambit command, and the generated games of the benchmark.
import { backwardInduction } from '../src/game/backward-induction.js';
import { enumMixed, enumMixedExtensive } from '../src/game/enum-mixed.js';
import { enumPure, enumPureExtensive } from '../src/game/enum-pure.js';
import { type ParsedGame, readGame } from '../src/game/gambit-format.js';
import { randomExtensiveGame, randomPerfectInfoGame } from '../src/game/generate.js';
import { lemkeHowsonAll } from '../src/game/lemke-howson.js';
import { lemkeSequenceForm } from '../src/game/lemke-sequence-form.js';
import { logitBehaviorFixed } from '../src/game/logit-fixed.js';
import {
  logitBehaviorAt,
  logitBehaviorLimit,
  logitStrategicAt,
  logitStrategicLimit,
} from '../src/game/logit-homotopy.js';
import { lpSolveExtensive, lpSolveStrategic } from '../src/game/lp-zero-sum.js';
import type { ExtensiveGame } from '../src/game/types.js';

/** The Gambit commands recorded in each oracle game's meta.txt. */
export const ORACLE_METHODS = ['enumpure', 'enummixed', 'lcp', 'lp', 'logit', 'logit_l1'] as const;
export type OracleMethod = (typeof ORACLE_METHODS)[number];

/** Runs Brink's counterpart of `gambit-<method>` on a parsed game. */
export async function runOracleMethod(method: OracleMethod, parsed: ParsedGame): Promise<unknown> {
  if (parsed.kind === 'nfg') {
    const g = parsed.game;
    switch (method) {
      case 'enumpure':
        return enumPure(g);
      case 'enummixed':
        return enumMixed(g);
      case 'lcp':
        return lemkeHowsonAll(g);
      case 'lp':
        return lpSolveStrategic(g);
      case 'logit':
        return logitStrategicLimit(g);
      case 'logit_l1':
        return logitStrategicAt(g, 1);
    }
  }
  const g = parsed.game;
  switch (method) {
    case 'enumpure':
      return enumPureExtensive(g);
    case 'enummixed':
      return enumMixedExtensive(g);
    case 'lcp':
      return lemkeSequenceForm(g);
    case 'lp':
      return lpSolveExtensive(g);
    case 'logit':
      return logitBehaviorLimit(g);
    case 'logit_l1':
      return logitBehaviorAt(g, 1);
  }
}

/** Parses a game file (timed together with the solver, as Gambit's wall time includes reading it). */
export function parseGame(text: string, file: string): ParsedGame {
  return readGame(text, file);
}

export type GeneratedMethod = 'lcp' | 'logit' | 'lp';

export interface GeneratedSpec {
  nodes: number;
  seed: number;
  zeroSum: boolean;
}

/** The random 2-player extensive game of a generated benchmark row. */
export function generatedGame(spec: GeneratedSpec): ExtensiveGame {
  return randomExtensiveGame({ seed: spec.seed, nodes: spec.nodes, zeroSum: spec.zeroSum });
}

/** The logit precision of the fixed-λ rows. */
export const FIXED_LAMBDA = 1;

export async function runGeneratedMethod(method: GeneratedMethod, g: ExtensiveGame): Promise<unknown> {
  switch (method) {
    case 'lcp':
      return lemkeSequenceForm(g, { arithmetic: 'float' });
    case 'logit':
      return logitBehaviorFixed(g, FIXED_LAMBDA);
    case 'lp':
      return lpSolveExtensive(g, { exact: false });
  }
}

export { backwardInduction, randomPerfectInfoGame };
