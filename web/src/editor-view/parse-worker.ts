// Checks scenario text off the page's main thread: parsing, schema validation, the cross-checks
// and formula compilation of the US–Iran scenario take a few hundred milliseconds, too long to run
// between keystrokes. Answers each request with the loader's diagnostics (plain data).
import '../zod-jitless.js';
import { registerBargainFunctions } from '../../../src/bargain/formula-functions.js';
import { registerEconFunctions } from '../../../src/econ/formula-functions.js';
import { scenarioDiagnostics } from './diagnostics.js';
import type { CheckReply, CheckRequest } from './parse-protocol.js';

registerBargainFunctions();
registerEconFunctions();

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const { id, text, file } = event.data;
  const reply: CheckReply = { id, diagnostics: scenarioDiagnostics(text, file) };
  (self as unknown as Worker).postMessage(reply);
};
