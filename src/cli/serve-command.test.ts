// `brink serve` end to end: it prints its loopback address, answers there, and stops on SIGTERM;
// a bad port is refused with exit 2.
import { spawn } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { BIN, ROOT, brink } from '../../test/support/brink-cli.js';

describe('brink serve', () => {
  test('listens on loopback, prints its address and answers the API', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: ROOT, env: process.env });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) resolve(out);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/) /.exec(line);
      expect(m, line).not.toBeNull();
      const health = await fetch(`${m![1]}api/health`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { ok: boolean }).ok).toBe(true);
      const scenario = (await (await fetch(`${m![1]}api/scenario`)).json()) as { id: string };
      expect(scenario.id).toBe('us-iran-2026');
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  }, 60_000);

  test('refuses a bad port with exit 2', () => {
    const r = brink('serve', '--port', '70000');
    expect(r.code).toBe(2);
    expect(r.err).toBe('brink: --port 70000: expected a port from 0 to 65535\n');
  });
});
