// A load test on loopback (issue 8): 200 concurrent requests, a quarter of them malformed and a
// quarter oversized, get their answers; the server is still up afterwards and its memory bounded.
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { parseScenario } from '../scenario/load.js';
import { BODY_LIMIT, buildServer } from './app.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const FILE = join(ROOT, 'scenarios/us-iran-2026.yaml');

test('200 concurrent requests, malformed and oversized among them, leave the server up with bounded memory', async () => {
  const text = readFileSync(FILE, 'utf8');
  const db = join(mkdtempSync(join(tmpdir(), 'brink-load-')), 'brink.db');
  const app = await buildServer({
    scenario: { model: parseScenario(text, FILE), text, file: FILE },
    db,
    version: '0',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const json = { 'content-type': 'application/json' };
    const valid = (k: number) =>
      JSON.stringify({
        indicator: 'talks_oman',
        state: 'held',
        event_date: '2026-02-01',
        report_date: '2026-02-02',
        source: `load ${k}`,
        reliability: 'C',
        credibility: '3',
      });
    const oversized = JSON.stringify({ note: 'x'.repeat(BODY_LIMIT * 8) });
    const requests = Array.from({ length: 200 }, (_, k) => {
      switch (k % 4) {
        case 0:
          return {
            expect: 201,
            go: () => fetch(`${base}/api/evidence`, { method: 'POST', headers: json, body: valid(k) }),
          };
        case 1:
          return {
            expect: 400,
            go: () => fetch(`${base}/api/evidence`, { method: 'POST', headers: json, body: '{"state":' }),
          };
        case 2:
          return {
            expect: 413,
            go: () => fetch(`${base}/api/evidence`, { method: 'POST', headers: json, body: oversized }),
          };
        default:
          return { expect: 200, go: () => fetch(`${base}/api/evidence`) };
      }
    });
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const statuses = await Promise.all(
      requests.map(async (r) => {
        const res = await r.go().catch((e: unknown) => ({ status: -1, text: async () => String(e) }));
        await res.text();
        return [res.status, r.expect];
      }),
    );
    // The server may also close the connection on an oversized body before the client has sent it all
    // (the client then sees a reset, -1): refused either way.
    for (const [got, want] of statuses) expect(want === 413 && got === -1 ? 413 : got).toBe(want);
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    const listed = (await (await fetch(`${base}/api/evidence`)).json()) as unknown[];
    expect(listed).toHaveLength(50);
    global.gc?.();
    // Bounded: below what keeping the 50 oversized bodies (100 MB) would cost.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  } finally {
    await app.close();
  }
}, 60_000);
