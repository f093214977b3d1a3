// The workbench's local server (issue 8; docs/api.md): it serves the built web page, the scenario's
// text, the run store and the evidence log. The model itself runs in the browser. It is meant for
// one analyst's machine: it listens on loopback unless told otherwise (serve-command.ts), limits
// request bodies, validates every input with the same code as the CLI, serves only files under its
// web root, and sends a restrictive Content-Security-Policy with every response.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  type FieldProblem,
  OBSERVATION_FIELDS,
  type ObservationFields,
  problemText,
  validateObservation,
} from '../evidence/observation-validate.js';
import type { Model } from '../scenario/model.js';
import { addObservation, listObservations, retractObservation } from '../store/evidence-log.js';
import { StoreError, defaultStorePath, encodeJson, openRunStore } from '../store/run-store.js';

/** Largest request body accepted, bytes: an observation or a scenario text fits many times over. */
export const BODY_LIMIT = 256 * 1024;

/** Sent with every response: only the server's own scripts, styles, workers and API. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface ServerOptions {
  /** The scenario the page works on, with its text and the file it came from. */
  readonly scenario: { readonly model: Model; readonly text: string; readonly file: string };
  /** The run database (undefined: $BRINK_DB or the user's data directory). */
  readonly db: string | undefined;
  /** The built web page (web/dist); undefined or missing: only the API is served. */
  readonly webRoot?: string;
  readonly version: string;
}

/** A refused request: its status and a message, and the fields at fault for a form. */
class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems?: readonly { field: string; message: string }[],
  ) {
    super(message);
  }
}

function fieldProblems(problems: readonly FieldProblem[]): { field: string; message: string }[] {
  return problems.map((p) => ({ field: p.field, message: problemText(p) }));
}

/** The form's fields: the observation's, but the scenario is the server's own. */
const TEXT_FIELDS = OBSERVATION_FIELDS.filter((f) => f !== 'scenario');

/** The observation form's fields as text (what the CLI's options and the CSV cells are), or a 400. */
export function observationFieldsOf(body: unknown): ObservationFields {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new ApiError(400, 'expected a JSON object with the observation’s fields');
  const o = body as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !(TEXT_FIELDS as readonly string[]).includes(k));
  if (unknown.length > 0)
    throw new ApiError(
      400,
      `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; expected ${TEXT_FIELDS.join(', ')}`,
    );
  const fields: Record<string, string> = {};
  const problems: { field: string; message: string }[] = [];
  for (const k of TEXT_FIELDS) {
    const v = o[k];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v === 'string') fields[k] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) fields[k] = String(v);
    else problems.push({ field: k, message: `${k} — expected text or a number` });
  }
  if (problems.length > 0) throw new ApiError(400, 'the observation was not added', problems);
  return fields as ObservationFields;
}

function limitOf(text: unknown): number {
  if (text === undefined) return 50;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new ApiError(400, 'limit — expected an integer from 1 to 1000');
  return n;
}

function dateOf(text: unknown, field: string): string | undefined {
  if (text === undefined) return undefined;
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text))
    throw new ApiError(400, `${field} — expected a date YYYY-MM-DD`);
  return text;
}

function send(reply: FastifyReply, e: unknown): FastifyReply {
  if (e instanceof ApiError)
    return reply.code(e.status).send({ error: e.message, ...(e.problems ? { problems: e.problems } : {}) });
  if (e instanceof StoreError) return reply.code(400).send({ error: e.message });
  // Anything else is Brink's own failure: no stack trace reaches the client.
  reply.log.error(e);
  return reply.code(500).send({ error: 'internal error' });
}

/** The server, not yet listening (tests use inject; serve-command.ts listens). */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: BODY_LIMIT, logger: false, return503OnClosing: true });
  const { model } = opts.scenario;

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    return payload;
  });
  // Malformed JSON, an oversized body, a wrong content type: the client's error, said plainly.
  app.setErrorHandler((error, _req, reply) => {
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500)
      return reply.code(status).send({ error: (error as Error).message });
    return send(reply, error);
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ error: `no such resource: ${req.method} ${req.url}` }),
  );

  app.get('/api/health', async () => ({ ok: true, brink: opts.version }));

  app.get('/api/scenario', async () => ({
    id: model.spec.id,
    title: model.spec.title,
    file: basename(opts.scenario.file),
    text: opts.scenario.text,
  }));

  app.get('/api/runs', async (req, reply) => {
    try {
      const q = req.query as Record<string, unknown>;
      const path = opts.db ?? defaultStorePath();
      if (!existsSync(path)) return [];
      const store = openRunStore(path, { create: false });
      try {
        return store.listRuns({
          limit: limitOf(q.limit),
          ...(typeof q.kind === 'string' ? { kind: q.kind } : {}),
        });
      } finally {
        store.close();
      }
    } catch (e) {
      return send(reply, e);
    }
  });

  app.get('/api/runs/:id', async (req, reply) => {
    try {
      const { id } = req.params as { id: string };
      const path = opts.db ?? defaultStorePath();
      if (!existsSync(path)) throw new ApiError(404, `no run ${id}: no run has been saved yet`);
      const store = openRunStore(path, { create: false });
      try {
        // encodeJson keeps NaN and ±Infinity as {"$float": …}; plain JSON would send null.
        return reply.type('application/json; charset=utf-8').send(encodeJson(store.getRun(id)));
      } finally {
        store.close();
      }
    } catch (e) {
      if (e instanceof StoreError && /no run /.test(e.message))
        return send(reply, new ApiError(404, e.message));
      return send(reply, e);
    }
  });

  app.get('/api/evidence', async (req, reply) => {
    try {
      const q = req.query as Record<string, unknown>;
      const asOf = dateOf(q.asOf, 'asOf');
      return listObservations(opts.db, {
        scenario: model.spec.id,
        ...(asOf ? { asOf } : {}),
        includeRetracted: q.all === 'true' || q.all === '1',
      });
    } catch (e) {
      return send(reply, e);
    }
  });

  app.post('/api/evidence', async (req, reply) => {
    try {
      const fields = observationFieldsOf(req.body);
      const v = validateObservation(fields, { scenario: model.spec.id, evidence: model.evidence });
      if (!v.ok) throw new ApiError(400, 'the observation was not added', fieldProblems(v.problems));
      return reply.code(201).send(addObservation(opts.db, v.observation));
    } catch (e) {
      return send(reply, e);
    }
  });

  app.post('/api/evidence/:id/retract', async (req, reply) => {
    try {
      const id = Number((req.params as { id: string }).id);
      if (!Number.isSafeInteger(id) || id < 1) throw new ApiError(400, 'id — expected a positive integer');
      const body = req.body as { reason?: unknown } | undefined;
      const reason = body?.reason;
      if (typeof reason !== 'string' || reason.trim() === '')
        throw new ApiError(400, 'the retraction was not made', [
          { field: 'reason', message: 'reason — expected text' },
        ]);
      return retractObservation(opts.db, id, reason);
    } catch (e) {
      if (e instanceof StoreError && /no observation/.test(e.message))
        return send(reply, new ApiError(404, e.message));
      return send(reply, e);
    }
  });

  if (opts.webRoot !== undefined && existsSync(opts.webRoot)) {
    // @fastify/static resolves every path under root and refuses to leave it (no dotfiles either).
    await app.register(fastifyStatic, {
      root: opts.webRoot,
      prefix: '/',
      dotfiles: 'deny',
      index: 'index.html',
    });
  }
  return app;
}
