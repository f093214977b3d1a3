// The workbench server through Fastify's inject (no socket): the API validates as the CLI does, a
// refused observation names its fields, and no response leaves the web root or omits the CSP.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseScenario } from '../scenario/load.js';
import { recordRun } from '../store/run-store.js';
import { BODY_LIMIT, CONTENT_SECURITY_POLICY, buildServer } from './app.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const FILE = join(ROOT, 'scenarios/us-iran-2026.yaml');
const text = readFileSync(FILE, 'utf8');
const model = parseScenario(text, FILE);

const dir = mkdtempSync(join(tmpdir(), 'brink-server-'));
const db = join(dir, 'brink.db');
const web = join(dir, 'web');
let app: FastifyInstance;

const carrier = {
  indicator: 'carrier_arrival',
  state: 'arrived',
  event_date: '2026-01-26',
  report_date: '2026-01-27',
  source: 'press',
  reliability: 'B',
  credibility: 2,
};

beforeAll(async () => {
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Brink</title>');
  writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the web root');
  app = await buildServer({ scenario: { model, text, file: FILE }, db, webRoot: web, version: '0.1.0' });
});
afterAll(async () => app.close());

describe('the API', () => {
  test('health and the scenario, with the security headers on every response', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ ok: true, brink: '0.1.0' });
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const s = await app.inject({ method: 'GET', url: '/api/scenario' });
    expect(s.json()).toMatchObject({ id: 'us-iran-2026', file: 'us-iran-2026.yaml', text });
  });

  test('runs: none before the first is saved, then listed newest first and shown by id', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/runs' })).json()).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/runs/r0001' })).statusCode).toBe(404);
    for (const seed of [1, 2])
      recordRun(db, {
        kind: 'analyze',
        scenarioLabel: 'x.yaml',
        scenarioText: 'id: x',
        seed,
        draws: 1,
        options: {},
        version: '0.1.0',
        results: { seed },
      });
    const list = (await app.inject({ method: 'GET', url: '/api/runs?limit=10' })).json() as {
      id: string;
      seed: number;
    }[];
    expect(list.map((r) => [r.id, r.seed])).toEqual([
      ['r0002', 2],
      ['r0001', 1],
    ]);
    const one = await app.inject({ method: 'GET', url: '/api/runs/r0001' });
    expect(one.json()).toMatchObject({ id: 'r0001', results: { seed: 1 } });
    expect((await app.inject({ method: 'GET', url: '/api/runs/r0099' })).statusCode).toBe(404);
    const bad = await app.inject({ method: 'GET', url: '/api/runs?limit=0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/limit — expected an integer from 1 to 1000/);
  });

  test('evidence: an observation is validated as the CLI does, added, listed and retracted', async () => {
    const added = await app.inject({ method: 'POST', url: '/api/evidence', payload: carrier });
    expect(added.statusCode).toBe(201);
    const o = added.json();
    expect(o).toMatchObject({
      indicator: 'carrier_arrival',
      value: { kind: 'hard', state: 'arrived' },
      credibility: 2,
    });
    const list = (await app.inject({ method: 'GET', url: '/api/evidence' })).json() as { id: number }[];
    expect(list.map((x) => x.id)).toEqual([o.id]);
    const r = await app.inject({
      method: 'POST',
      url: `/api/evidence/${o.id}/retract`,
      payload: { reason: 'duplicate' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().retracted.reason).toBe('duplicate');
    expect((await app.inject({ method: 'GET', url: '/api/evidence' })).json()).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/evidence?all=1' })).json()).toHaveLength(1);
    expect(
      (await app.inject({ method: 'POST', url: '/api/evidence/999/retract', payload: { reason: 'x' } }))
        .statusCode,
    ).toBe(404);
  });

  test('a refused observation names each field at fault, and nothing is written', async () => {
    const before = ((await app.inject({ method: 'GET', url: '/api/evidence?all=1' })).json() as unknown[])
      .length;
    const r = await app.inject({
      method: 'POST',
      url: '/api/evidence',
      payload: { ...carrier, indicator: 'carrier_arival', reliability: 'G', report_date: '2026-01-20' },
    });
    expect(r.statusCode).toBe(400);
    const fields = (r.json().problems as { field: string; message: string }[]).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['indicator', 'reliability', 'report_date']));
    expect(r.json().problems.find((p: { field: string }) => p.field === 'indicator').message).toMatch(
      /carrier_arrival/,
    );
    expect(
      ((await app.inject({ method: 'GET', url: '/api/evidence?all=1' })).json() as unknown[]).length,
    ).toBe(before);
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/evidence',
      payload: { ...carrier, colour: 'red' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatch(/unknown field colour/);
  });

  test('malformed JSON, an oversized body and an unknown route are refused with a message, not a trace', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: { 'content-type': 'application/json' },
      payload: '{"indicator": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toMatch(/at .*\.js/);
    const big = await app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ note: 'x'.repeat(BODY_LIMIT + 1) }),
    });
    expect(big.statusCode).toBe(413);
    const none = await app.inject({ method: 'GET', url: '/api/nothing' });
    expect(none.statusCode).toBe(404);
    expect(none.json().error).toMatch(/no such resource/);
  });
});

describe('the web root', () => {
  test('serves its files and no file outside it', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Brink</title>');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
    for (const url of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(r.body, url).not.toContain('outside the web root');
    }
  });
});
