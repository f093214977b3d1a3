// Semantic checks of a scenario that has the right shape: every reference names something that
// exists (with a suggestion when it does not), formulas parse and use only known names, no formula
// depends on itself, formulas evaluated at a stage use only earlier moves, and every option is
// offered at some stage. Returns all problems found; an empty list means the scenario is sound.
import { checkEvidence } from './check-evidence.js';
import type { Path, Problem } from './diagnostics.js';
import { namesOf } from './expr/ast.js';
import { ExprError } from './expr/error.js';
import { parseExpr } from './expr/parse.js';
import { type ScenarioSpec, isChanceStage } from './schema.js';
import { type FormulaSite, type SiteContext, formulaSites } from './sites.js';
import { didYouMean } from './suggest.js';
import type { SymbolInfo, SymbolTable } from './symbols.js';

/** Names a formula uses, with their offsets; undefined (and a problem) when it does not parse. */
function parseSite(site: FormulaSite, problems: Problem[]): Map<string, number> | undefined {
  if (typeof site.source !== 'string') return new Map();
  try {
    return namesOf(parseExpr(site.source));
  } catch (e) {
    if (!(e instanceof ExprError)) throw e;
    problems.push({ path: site.path, offset: e.col - 1, message: `in formula: ${e.message}` });
    return undefined;
  }
}

/** The message for a name that is not defined, with the most useful hint we can find. */
export function unknownNameMessage(name: string, symbols: SymbolTable, spec: ScenarioSpec): string {
  const known = [...symbols.names.keys()];
  if (symbols.names.has(`state.${name}`))
    return `unknown name '${name}' (outcome-state variables are written 'state.${name}')`;
  const dot = name.indexOf('.');
  if (dot > 0) {
    const head = name.slice(0, dot);
    const tail = name.slice(dot + 1);
    const stage = spec.stages.findIndex((s) => s.id === head);
    if (stage >= 0) {
      const s = spec.stages[stage]!;
      if (!isChanceStage(s) && (symbols.catalog.get(s.actor) ?? []).some((o) => o.id === tail)) {
        return `unknown name '${name}': option '${tail}' is not offered at stage '${head}'`;
      }
    }
  }
  return `unknown name '${name}'${didYouMean(name, known)}`;
}

/** Stage index a symbol reveals (moves, ranks, played flags), or -1. */
function stageOf(s: SymbolInfo): number {
  return s.kind === 'move' || s.kind === 'rank' || s.kind === 'played' ? s.stage : -1;
}

interface DefinitionInfo {
  /** Named formulas and payoff terms used directly. */
  readonly deps: Set<string>;
  /** Latest stage whose moves are read directly. */
  readonly stage: number;
}

function definitions(
  sites: FormulaSite[],
  parsed: (Map<string, number> | undefined)[],
  symbols: SymbolTable,
): Map<string, DefinitionInfo> {
  const out = new Map<string, { deps: Set<string>; stage: number }>();
  for (const [name, s] of symbols.names) {
    if (s.kind === 'formula' || s.kind === 'term') out.set(name, { deps: new Set(), stage: -1 });
    if (s.kind === 'term' && s.term === 'payoff') {
      for (const t of ['gains', 'C_kinetic', 'C_reputation', 'C_opportunity'])
        out.get(name)!.deps.add(`${s.actor}.${t}`);
    }
  }
  sites.forEach((site, i) => {
    if (site.context.kind !== 'definition') return;
    const def = out.get(site.context.name);
    if (!def) return;
    for (const n of parsed[i]?.keys() ?? []) {
      const s = symbols.names.get(n);
      if (!s) continue;
      if (s.kind === 'formula' || s.kind === 'term') def.deps.add(n);
      def.stage = Math.max(def.stage, stageOf(s));
    }
  });
  return out;
}

/** Cycles among named formulas and payoff terms, each reported once, at one of its members. */
function findCycles(defs: Map<string, DefinitionInfo>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (n: string): void => {
    state.set(n, 'open');
    stack.push(n);
    for (const d of defs.get(n)?.deps ?? []) {
      if (state.get(d) === 'open') cycles.push([...stack.slice(stack.indexOf(d)), d]);
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of defs.keys()) if (!state.has(n)) visit(n);
  return cycles;
}

/** Latest stage read by a definition, through the definitions it uses (cycles cut). */
function transitiveStage(name: string, defs: Map<string, DefinitionInfo>, memo: Map<string, number>): number {
  const known = memo.get(name);
  if (known !== undefined) return known;
  memo.set(name, -1);
  const d = defs.get(name);
  let stage = d?.stage ?? -1;
  for (const dep of d?.deps ?? []) stage = Math.max(stage, transitiveStage(dep, defs, memo));
  memo.set(name, stage);
  return stage;
}

/** The latest stage a formula at this site may read, and how to say so. */
function stageLimit(ctx: SiteContext, spec: ScenarioSpec): { limit: number; why: string } | undefined {
  switch (ctx.kind) {
    case 'definition':
      return undefined;
    case 'prior':
      return { limit: -1, why: 'private types are drawn before any move' };
    case 'before':
      return {
        limit: ctx.stage - 1,
        why: `it is evaluated on reaching stage '${spec.stages[ctx.stage]?.id ?? 'end'}'`,
      };
    case 'after':
      return { limit: ctx.stage, why: `it is evaluated at stage '${spec.stages[ctx.stage]?.id ?? 'end'}'` };
  }
}

function checkFormulas(spec: ScenarioSpec, symbols: SymbolTable, problems: Problem[]): void {
  const sites = formulaSites(spec, symbols.catalog, symbols.stageChoices);
  const parsed = sites.map((s) => parseSite(s, problems));
  sites.forEach((site, i) => {
    for (const [n, pos] of parsed[i] ?? []) {
      if (!symbols.names.has(n))
        problems.push({ path: site.path, offset: pos, message: unknownNameMessage(n, symbols, spec) });
    }
  });
  const defs = definitions(sites, parsed, symbols);
  for (const cycle of findCycles(defs)) {
    const at = sites.find((s) => s.context.kind === 'definition' && s.context.name === cycle[0]);
    problems.push({
      path: at?.path ?? ['formulas'],
      message: `formulas depend on themselves: ${cycle.join(' → ')}`,
    });
  }
  const memo = new Map<string, number>();
  sites.forEach((site, i) => {
    const lim = stageLimit(site.context, spec);
    if (!lim) return;
    for (const [n, pos] of parsed[i] ?? []) {
      const s = symbols.names.get(n);
      if (!s) continue;
      const direct = stageOf(s);
      const stage = s.kind === 'formula' || s.kind === 'term' ? transitiveStage(n, defs, memo) : direct;
      if (stage > lim.limit) {
        const via = direct === stage ? '' : ` (through '${n}')`;
        problems.push({
          path: site.path,
          offset: pos,
          message: `'${n}' reads the move at stage '${spec.stages[stage]!.id}'${via}, which has not happened yet: ${lim.why}`,
        });
      }
    }
  });
}

function checkActors(spec: ScenarioSpec, problems: Problem[]): void {
  const actors = Object.keys(spec.actors);
  const actor = (id: string, path: Path, key = false): boolean => {
    if (spec.actors[id]) return true;
    problems.push({ path, key, message: `'${id}' is not an actor${didYouMean(id, actors)}` });
    return false;
  };
  for (const [id, a] of Object.entries(spec.actors)) {
    if (a.parent === undefined) continue;
    const path: Path = ['actors', id, 'parent'];
    if (a.parent === id) problems.push({ path, message: 'an actor cannot be its own parent' });
    else if (actor(a.parent, path) && spec.actors[a.parent]!.kind !== 'state') {
      problems.push({
        path,
        message: `expected a state as parent, but '${a.parent}' is a ${spec.actors[a.parent]!.kind}`,
      });
    }
  }
  for (const id of Object.keys(spec.ladders)) actor(id, ['ladders', id], true);
  for (const id of Object.keys(spec.payoffs)) actor(id, ['payoffs', id], true);
  for (const [id, t] of Object.entries(spec.types)) {
    actor(t.actor, ['types', id, 'actor']);
    t.observed_by?.forEach((a, k) => {
      actor(a, ['types', id, 'observed_by', k]);
    });
  }
  spec.stages.forEach((s, i) => {
    s.observed_by?.forEach((a, k) => {
      actor(a, ['stages', i, 'observed_by', k]);
    });
    if (!isChanceStage(s)) actor(s.actor, ['stages', i, 'actor']);
  });
}

function checkOptions(spec: ScenarioSpec, symbols: SymbolTable, problems: Problem[]): void {
  const stateNames = Object.keys(spec.state);
  for (const options of symbols.catalog.values()) {
    const seen = new Map<string, string>();
    for (const o of options) {
      const other = seen.get(o.id);
      if (other !== undefined) {
        problems.push({
          path: o.path,
          key: true,
          message: `option '${o.id}' is also on ladder '${other}'; option names must be unique per actor`,
        });
      }
      seen.set(o.id, o.ladder);
      if (Object.keys(spec.ladders[o.actor] ?? {}).includes(o.id) && o.ladder !== o.id) {
        problems.push({
          path: o.path,
          key: true,
          message: `'${o.id}' names both an option and a ladder of ${o.actor}`,
        });
      }
    }
  }
  const checkTargets = (fx: Record<string, unknown> | undefined, base: Path): void => {
    for (const v of Object.keys(fx ?? {})) {
      if (!(v in spec.state)) {
        problems.push({
          path: [...base, v],
          key: true,
          message: `'${v}' is not an outcome-state variable${didYouMean(v, stateNames)}`,
        });
      }
    }
  };
  for (const options of symbols.catalog.values())
    for (const o of options) checkTargets(o.spec.effects, [...o.path, 'effects']);
  spec.stages.forEach((s, i) => {
    if (!isChanceStage(s)) return;
    for (const [o, out] of Object.entries(s.chance))
      checkTargets(out.effects, ['stages', i, 'chance', o, 'effects']);
    const rest = Object.entries(s.chance).filter(([, out]) => out.prob === 'otherwise');
    if (rest.length > 1)
      problems.push({
        path: ['stages', i, 'chance', rest[1]![0], 'prob'],
        message: "at most one outcome may have prob 'otherwise'",
      });
  });
  for (const [id, t] of Object.entries(spec.types)) {
    const rest = Object.entries(t.prior).filter(([, p]) => p === 'otherwise');
    if (rest.length > 1)
      problems.push({
        path: ['types', id, 'prior', rest[1]![0]],
        message: "at most one value may have prior 'otherwise'",
      });
  }
}

function checkStages(spec: ScenarioSpec, symbols: SymbolTable, problems: Problem[]): void {
  const offered = new Set<string>();
  spec.stages.forEach((s, i) => {
    const earlier = [...Object.keys(spec.types), ...spec.stages.slice(0, i).map((x) => x.id)];
    if (!isChanceStage(s) && Array.isArray(s.observes)) {
      s.observes.forEach((o, k) => {
        if (!earlier.includes(o)) {
          const later = spec.stages.some((x) => x.id === o);
          problems.push({
            path: ['stages', i, 'observes', k],
            message: later
              ? `stage '${o}' comes later; a stage can observe only types and earlier stages`
              : `'${o}' is not a type or an earlier stage${didYouMean(o, earlier)}`,
          });
        }
      });
    }
    if (isChanceStage(s)) return;
    const options = symbols.catalog.get(s.actor) ?? [];
    const ladders = Object.keys(spec.ladders[s.actor] ?? {});
    if (spec.actors[s.actor] && options.length === 0) {
      problems.push({
        path: ['stages', i, 'actor'],
        message: `actor '${s.actor}' has no options: add a ladder for it under ladders.${s.actor}`,
      });
    }
    s.options?.forEach((o, k) => {
      if (!options.some((x) => x.id === o) && !ladders.includes(o)) {
        const known = [...options.map((x) => x.id), ...ladders];
        problems.push({
          path: ['stages', i, 'options', k],
          message: `'${o}' is not an option or ladder of ${s.actor}${didYouMean(o, known)}`,
        });
      }
    });
    for (const id of symbols.stageChoices[i]!) offered.add(`${s.actor}/${id}`);
    if (spec.actors[s.actor] && !spec.payoffs[s.actor]) {
      problems.push({
        path: ['stages', i, 'actor'],
        message: `actor '${s.actor}' moves here but has no entry under payoffs`,
      });
    }
  });
  for (const options of symbols.catalog.values()) {
    for (const o of options) {
      if (!offered.has(`${o.actor}/${o.id}`)) {
        problems.push({
          path: o.path,
          key: true,
          message: `option '${o.id}' of ${o.actor} is never offered: no stage lists it (unreachable)`,
        });
      }
    }
  }
}

function checkPolicies(spec: ScenarioSpec, symbols: SymbolTable, problems: Problem[]): void {
  const stageIds = spec.stages.map((s) => s.id);
  for (const [id, pol] of Object.entries(spec.policies)) {
    pol.rules.forEach((r, k) => {
      const base: Path = ['policies', id, 'rules', k];
      const i = stageIds.indexOf(r.stage);
      if (i < 0) {
        problems.push({
          path: [...base, 'stage'],
          message: `'${r.stage}' is not a stage${didYouMean(r.stage, stageIds)}`,
        });
        return;
      }
      if (isChanceStage(spec.stages[i]!)) {
        problems.push({
          path: [...base, 'stage'],
          message: `'${r.stage}' is a chance event; policies constrain decision stages`,
        });
        return;
      }
      const choices = symbols.stageChoices[i]!;
      const named: [string, Path][] =
        r.fix !== undefined
          ? [[r.fix, [...base, 'fix']]]
          : (r.forbid ?? []).map((o, j) => [o, [...base, 'forbid', j]]);
      for (const [o, path] of named) {
        if (!choices.includes(o))
          problems.push({
            path,
            message: `'${o}' is not offered at stage '${r.stage}'${didYouMean(o, choices)}`,
          });
      }
    });
  }
}

/** The negotiation agenda: positions and needs name known issues, positions lie on the issue's scale. */
function checkNegotiation(spec: ScenarioSpec, problems: Problem[]): void {
  const neg = spec.negotiation;
  if (neg === undefined) return;
  const issues = Object.keys(neg.issues);
  for (const [id, st] of Object.entries(neg.stakeholders)) {
    for (const [issue, p] of Object.entries(st.positions)) {
      const path: Path = ['negotiation', 'stakeholders', id, 'positions', issue];
      const def = neg.issues[issue];
      if (def === undefined) {
        problems.push({
          path,
          key: true,
          message: `'${issue}' is not a negotiation issue${didYouMean(issue, issues)}`,
        });
        continue;
      }
      const [lo, hi] = def.scale;
      if (!(p.position >= lo && p.position <= hi)) {
        problems.push({
          path: [...path, 'position'],
          message: `expected a position on the scale of '${issue}', [${lo}, ${hi}], got ${p.position}`,
        });
      }
    }
    for (const issue of Object.keys(st.needs ?? {})) {
      if (neg.issues[issue] === undefined) {
        problems.push({
          path: ['negotiation', 'stakeholders', id, 'needs', issue],
          key: true,
          message: `'${issue}' is not a negotiation issue${didYouMean(issue, issues)}`,
        });
      }
    }
  }
}

export function checkScenario(spec: ScenarioSpec, symbols: SymbolTable): Problem[] {
  const problems: Problem[] = [...symbols.problems];
  checkActors(spec, problems);
  checkOptions(spec, symbols, problems);
  checkStages(spec, symbols, problems);
  checkPolicies(spec, symbols, problems);
  checkFormulas(spec, symbols, problems);
  checkNegotiation(spec, problems);
  checkEvidence(spec, problems);
  return problems;
}
