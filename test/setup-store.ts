// Commands run by the tests (`brink analyze`, `brink merge`) save their runs in the run store: point
// it at a scratch file so that tests never write to the user's own store.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.BRINK_DB ??= join(tmpdir(), `brink-test-${process.pid}.db`);
