// Checking where a scenario's numbers come from: every fact id must exist in the facts file and
// every seed quote must appear, verbatim up to spacing and typographic quotes, in its seed text.
// Pure: the caller supplies the seed texts and fact ids (Brink never reads ../shared itself).
import { parse } from 'yaml';
import type { Diagnostic, Path, Problem } from './diagnostics.js';
import { toDiagnostics } from './load.js';
import type { Model } from './model.js';
import type { ScenarioSpec, SourceSpec } from './schema.js';
import { didYouMean } from './suggest.js';

export interface SourceIndex {
  /** Seed file name → its text. */
  readonly seeds: ReadonlyMap<string, string>;
  /** The ids of facts.yaml. */
  readonly facts: ReadonlySet<string>;
}

export type SingleSource = Exclude<SourceSpec, readonly unknown[]>;

export interface SourceRef {
  readonly path: Path;
  readonly source: SingleSource;
}

/** Every source in the scenario, with the path of the thing it supports. */
export function sourcesOf(spec: ScenarioSpec): SourceRef[] {
  const out: SourceRef[] = [];
  const add = (s: SourceSpec | undefined, path: Path): void => {
    if (s === undefined) return;
    if (!Array.isArray(s)) out.push({ path: [...path, 'source'], source: s as SingleSource });
    else
      s.forEach((x, i) => {
        out.push({ path: [...path, 'source', i], source: x });
      });
  };
  for (const [id, p] of Object.entries(spec.parameters)) add(p.source, ['parameters', id]);
  for (const [actor, a] of Object.entries(spec.actors)) {
    add(a.autonomy?.source, ['actors', actor, 'autonomy']);
    for (const [id, p] of Object.entries(a.params ?? {})) add(p.source, ['actors', actor, 'params', id]);
  }
  for (const [actor, ladders] of Object.entries(spec.ladders)) {
    for (const [ladder, l] of Object.entries(ladders)) {
      for (const [id, o] of Object.entries(l.rungs)) add(o?.source, ['ladders', actor, ladder, 'rungs', id]);
    }
  }
  for (const [id, t] of Object.entries(spec.types)) add(t.source, ['types', id]);
  spec.stages.forEach((s, i) => {
    if ('chance' in s) add(s.source, ['stages', i]);
  });
  const neg = spec.negotiation;
  if (neg !== undefined) {
    for (const [id, issue] of Object.entries(neg.issues)) add(issue.source, ['negotiation', 'issues', id]);
    for (const [id, st] of Object.entries(neg.stakeholders)) {
      const base: Path = ['negotiation', 'stakeholders', id];
      add(st.source, base);
      for (const [issue, p] of Object.entries(st.positions)) add(p.source, [...base, 'positions', issue]);
      for (const [issue, n] of Object.entries(st.needs ?? {})) add(n.source, [...base, 'needs', issue]);
    }
  }
  const ev = spec.evidence;
  if (ev !== undefined) {
    for (const [id, set] of Object.entries(ev.sets)) {
      for (const [h, x] of Object.entries(set.hypotheses))
        add(x.source, ['evidence', 'sets', id, 'hypotheses', h]);
    }
    for (const [id, ind] of Object.entries(ev.indicators)) add(ind.source, ['evidence', 'indicators', id]);
  }
  return out;
}

/** Lower case, typographic quotes and dashes made plain, runs of white space made one space. */
export function normaliseText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The id of a fact source ("fact:x" or {fact: x}), or undefined for other kinds. */
export function factId(s: SingleSource): string | undefined {
  if (typeof s === 'string') return s.slice('fact:'.length);
  return 'fact' in s ? s.fact : undefined;
}

export function sourceProblems(spec: ScenarioSpec, index: SourceIndex): Problem[] {
  const problems: Problem[] = [];
  const seeds = new Map([...index.seeds].map(([name, text]) => [name, normaliseText(text)]));
  for (const { path, source } of sourcesOf(spec)) {
    const fact = factId(source);
    if (fact !== undefined) {
      if (!index.facts.has(fact))
        problems.push({ path, message: `no fact with id '${fact}'${didYouMean(fact, index.facts)}` });
      continue;
    }
    if (typeof source === 'object' && 'seed' in source) {
      const text = seeds.get(source.seed);
      if (text === undefined) {
        problems.push({
          path: [...path, 'seed'],
          message: `no seed named '${source.seed}'${didYouMean(source.seed, seeds.keys())}`,
        });
      } else if (!text.includes(normaliseText(source.quote))) {
        problems.push({
          path: [...path, 'quote'],
          message: `the quote does not appear in seed '${source.seed}'`,
        });
      }
    }
  }
  return problems;
}

/** Source problems as diagnostics with file positions (empty when every source checks out). */
export function checkSources(model: Model, index: SourceIndex): Diagnostic[] {
  const locate = model.locate ?? (() => ({ line: 0, col: 0 }));
  return toDiagnostics(sourceProblems(model.spec, index), model.file, locate);
}

/** The fact ids of a facts.yaml text: every `id` field, at any depth. */
export function factIdsFromYaml(text: string): Set<string> {
  const ids = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        if (k === 'id' && typeof v === 'string') ids.add(v);
        else walk(v);
      }
    }
  };
  walk(parse(text));
  return ids;
}
