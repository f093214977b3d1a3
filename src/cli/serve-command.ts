// `brink serve [SCENARIO] [--port 8080] [--host 127.0.0.1]`: the workbench's local server
// (src/server/app.ts, docs/api.md). It listens on loopback unless --host says otherwise, prints its
// address, and stops on Ctrl-C.
import { join } from 'node:path';
import { buildServer } from '../server/app.js';
import { readScenario } from './analyze-command.js';
import { UsageError } from './errors.js';
import { packageRoot, packageVersion } from './package-root.js';

export interface ServeOptions {
  port?: string;
  host?: string;
  db?: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function portOf(text: string | undefined): number {
  if (text === undefined) return 8080;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new UsageError(`--port ${text}: expected a port from 0 to 65535`);
  return n;
}

export async function serveCommand(scenarioPath: string | undefined, opts: ServeOptions): Promise<void> {
  const port = portOf(opts.port);
  const host = opts.host ?? '127.0.0.1';
  const scenario = readScenario(scenarioPath);
  const app = await buildServer({
    scenario: { model: scenario.model, text: scenario.text, file: scenario.file },
    db: opts.db,
    webRoot: join(packageRoot(), 'web', 'dist'),
    version: packageVersion(),
  });
  try {
    await app.listen({ port, host });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot listen on ${host}:${port} (${code ?? (e as Error).message})`);
  }
  const address = app.server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const shown = host.includes(':') ? `[${host}]` : host;
  process.stdout.write(`brink serve: ${scenario.label} at http://${shown}:${actual}/ (Ctrl-C to stop)\n`);
  if (!LOOPBACK.has(host))
    process.stderr.write(
      `brink serve: listening on ${host}, not loopback: anyone who can reach it can read and add evidence\n`,
    );
  const stop = () => {
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
