// Checks the model's copied facts (calibration.ts FACTS) against the text of a facts file
// (../shared/facts/facts.yaml, read by the tests only: Brink never reads ../shared at run time). Each
// problem is one message naming the copy, the fact id and what differs, e.g. an unknown fact id.
import { parse as parseYaml } from 'yaml';
import type { FactCopy } from './calibration.js';

type Fact = Record<string, unknown> & { id: string };

/** The facts of a facts file by id (every list entry with an `id`, in any category). */
export function factsById(yamlText: string): Map<string, Fact> {
  const doc = parseYaml(yamlText) as Record<string, unknown>;
  const out = new Map<string, Fact>();
  for (const list of Object.values(doc ?? {})) {
    if (!Array.isArray(list)) continue;
    for (const f of list)
      if (f && typeof f === 'object' && typeof f.id === 'string') out.set(f.id, f as Fact);
  }
  return out;
}

function sameNumbers(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, k) => sameNumbers(x, b[k]));
  return false;
}

/** Problems with the copies (empty when each id exists and each copy equals its fact). */
export function factCopyProblems(
  facts: Map<string, Fact>,
  copies: Readonly<Record<string, FactCopy>>,
): string[] {
  const problems: string[] = [];
  for (const [name, c] of Object.entries(copies)) {
    const fact = facts.get(c.id);
    if (fact === undefined) {
      problems.push(`${name}: unknown fact id '${c.id}' (not in the facts file)`);
      continue;
    }
    const field = c.field ?? 'value';
    let v: unknown = fact[field];
    for (const k of c.path ?? [])
      v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    const where = `${c.id}.${[field, ...(c.path ?? [])].join('.')}`;
    if (typeof c.value === 'string') {
      if (!(typeof v === 'string' && v.includes(c.value)))
        problems.push(
          `${name}: ${where} is ${JSON.stringify(v)}, expected it to contain ${JSON.stringify(c.value)}`,
        );
    } else if (!sameNumbers(v, c.value)) {
      problems.push(`${name}: ${where} is ${JSON.stringify(v)}, the code copies ${JSON.stringify(c.value)}`);
    }
  }
  return problems;
}
