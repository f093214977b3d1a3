// The model modules' formula functions (e.g. durable_deal_value, which the US–Iran scenario calls)
// are registered by the interfaces before they parse a scenario (src/cli/main.ts, the worker set-up
// in src/analysis). Tests that parse scenarios directly get the same registry here.
import { registerBargainFunctions } from '../src/bargain/formula-functions.js';
import { registerEconFunctions } from '../src/econ/formula-functions.js';

registerBargainFunctions();
registerEconFunctions();
