// The options of each actor (the rungs of its ladders) and which of them each stage offers.
import type { Path } from './diagnostics.js';
import type { ActorStageSpec, OptionSpec, ScenarioSpec } from './schema.js';

export interface OptionRef {
  readonly id: string;
  readonly actor: string;
  readonly ladder: string;
  /** Explicit rank, or the position in the ladder (0, 1, ...). */
  readonly rank: number;
  readonly spec: OptionSpec;
  readonly path: Path;
}

/** Actor → its options in ladder order (ladders in file order, rungs in file order). */
export function optionCatalog(spec: ScenarioSpec): Map<string, OptionRef[]> {
  const out = new Map<string, OptionRef[]>();
  for (const [actor, ladders] of Object.entries(spec.ladders)) {
    const list: OptionRef[] = [];
    for (const [ladder, l] of Object.entries(ladders)) {
      Object.entries(l.rungs).forEach(([id, o], position) => {
        const option = o ?? {};
        list.push({
          id,
          actor,
          ladder,
          rank: option.rank ?? position,
          spec: option,
          path: ['ladders', actor, ladder, 'rungs', id],
        });
      });
    }
    out.set(actor, list);
  }
  return out;
}

/**
 * The option ids a stage offers, in order: its `options` list with ladder names expanded to their
 * rungs (duplicates dropped), or every option of the actor. Unknown entries are skipped here; the
 * checker reports them.
 */
export function stageOptionIds(stage: ActorStageSpec, catalog: Map<string, OptionRef[]>): string[] {
  const all = catalog.get(stage.actor) ?? [];
  if (!stage.options) return all.map((o) => o.id);
  const out: string[] = [];
  for (const entry of stage.options) {
    const direct = all.find((o) => o.id === entry);
    const ids = direct ? [direct.id] : all.filter((o) => o.ladder === entry).map((o) => o.id);
    for (const id of ids) if (!out.includes(id)) out.push(id);
  }
  return out;
}
