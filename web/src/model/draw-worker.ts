// A Web Worker running the same model code as the CLI's worker threads (src/analysis/draw-task):
// it parses the scenario once per scenario text, sets up a context per job (held values, priors),
// and computes the draws it is sent, one at a time.
import '../zod-jitless.js';
import {
  type DrawContext,
  type DrawJob,
  heldContext,
  makeDrawContext,
  runDrawRange,
} from '../../../src/analysis/draw-task.js';
import { registerBargainFunctions } from '../../../src/bargain/formula-functions.js';
import { registerEconFunctions } from '../../../src/econ/formula-functions.js';
import { parseScenario } from '../../../src/scenario/load.js';
import type { Model } from '../../../src/scenario/model.js';
import { withTypePriors } from '../../../src/scenario/type-priors.js';
import type { FromWorker, ToWorker } from './protocol.js';

registerBargainFunctions(); // the scenario's formulas may call the models
registerEconFunctions();

let parsed: { text: string; file: string; model: Model } | undefined;
/** Per set of type priors (the evidence log's, or none): the context whose compilers every what-if shares. */
const bases = new Map<string, DrawContext>();
let cached: { key: string; ctx: DrawContext } | undefined;

/**
 * A what-if move changes the held values, not the scenario: the parse (~0.3 s) and the compilers
 * of the game's structure (the first draws' set-up, seconds) are kept across moves.
 */
function contextFor(job: DrawJob): DrawContext {
  const key = JSON.stringify(job);
  if (cached?.key === key) return cached.ctx;
  if (parsed?.text !== job.scenarioText || parsed.file !== job.scenarioFile) {
    parsed = {
      text: job.scenarioText,
      file: job.scenarioFile,
      model: parseScenario(job.scenarioText, job.scenarioFile),
    };
    bases.clear();
  }
  const priors = job.settings.typePriors ?? {};
  const priorsKey = JSON.stringify(priors);
  let base = bases.get(priorsKey);
  if (!base) {
    base = makeDrawContext(withTypePriors(parsed.model, priors));
    bases.set(priorsKey, base);
  }
  cached = { key, ctx: heldContext(base, job.settings.fixed ?? {}) };
  return cached.ctx;
}

function reply(message: FromWorker): void {
  (self as unknown as Worker).postMessage(message);
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const { request, job, draw } = event.data;
  try {
    const started = performance.now();
    const [record] = runDrawRange(contextFor(job), job.settings, draw, draw + 1);
    reply({ type: 'record', request, draw, record: record!, ms: performance.now() - started });
  } catch (e) {
    reply({ type: 'error', request, message: (e as Error).message });
  }
};
