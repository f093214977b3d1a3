// zod compiles fast object parsers with `new Function` unless told not to; under the page's CSP
// (no 'unsafe-eval') its probe for that is a CSP violation. Imported first by every entry point
// (page and workers) so the setting holds before any schema is built.
import { z } from 'zod';

z.config({ jitless: true });
