// What every view of the page shares: the scenario (text and parsed model), the run settings, the
// parameters held fixed by the what-if controls, and the latest analysis from the model workers.
import type { EvidencePriors } from '../../src/evidence/evidence-priors.js';
import type { Model } from '../../src/scenario/model.js';
import type { ScenarioText } from './api.js';
import type { ModelPool, RunOutcome, RunProgress } from './model/run-analysis.js';

export interface RunSettings {
  readonly seed: number;
  readonly draws: number;
  readonly lambda: number;
}

export interface Workbench {
  readonly scenario: ScenarioText;
  readonly model: Model;
  readonly pool: ModelPool;
  readonly settings: RunSettings;
  setSettings(s: RunSettings): void;
  /** Parameters held at values (the CLI's --set NAME=VALUE); the others are drawn. */
  readonly fixed: Readonly<Record<string, number>>;
  setFixed(f: Readonly<Record<string, number>>): void;
  /** The analysis of the current settings and fixed values, once computed. */
  readonly outcome: RunOutcome | undefined;
  /** True while the outcome shown is not yet that of the current settings. */
  readonly running: boolean;
  readonly progress: RunProgress | undefined;
  readonly error: string | undefined;
  /**
   * Replaces the scenario by edited text (the editor's Apply): parsed and checked first, so it throws
   * ScenarioError with located diagnostics and changes nothing when the text has problems.
   */
  applyScenario(text: string): void;
  /**
   * The evidence log's posteriors used as the priors of the scenario's types (the CLI's
   * `brink analyze --evidence [--as-of]`); undefined: the scenario's own priors.
   */
  readonly evidencePriors: EvidencePriors | undefined;
  setEvidencePriors(p: EvidencePriors | undefined): void;
}
