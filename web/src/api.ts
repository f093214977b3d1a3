// The server's JSON API (docs/api.md), typed for the page. A refused request throws ApiRefusal with
// the server's message and, for forms, its field problems.
import type { Observation } from '../../src/evidence/observation-types.js';
import type { RunSummary, StoredRun } from '../../src/store/run-store.js';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: readonly FieldProblem[] = [],
  ) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const problems = Array.isArray(body.problems) ? (body.problems as FieldProblem[]) : [];
    throw new ApiRefusal(
      response.status,
      String(body.error ?? body.message ?? response.statusText),
      problems,
    );
  }
  return body as T;
}

export interface ScenarioText {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly text: string;
}

export const getScenario = () => request<ScenarioText>('api/scenario');
export const listRuns = () => request<RunSummary[]>('api/runs');
export const getRun = (id: string) => request<StoredRun>(`api/runs/${encodeURIComponent(id)}`);
export const listEvidence = (all = false, asOf?: string) =>
  request<Observation[]>(
    `api/evidence?${new URLSearchParams({ ...(all ? { all: 'true' } : {}), ...(asOf ? { asOf } : {}) })}`,
  );
export const addEvidence = (observation: Record<string, unknown>) =>
  request<Observation>('api/evidence', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(observation),
  });
export const retractEvidence = (id: number, reason: string) =>
  request<Record<string, unknown>>(`api/evidence/${id}/retract`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reason }),
  });
