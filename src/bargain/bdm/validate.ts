// Input checks for the Bueno de Mesquita model (Scholz, Calbert & Smith 2011): capability ≥ 0,
// salience in [0, 1], positions on the scale, options in their domains.
import { BargainInputError } from '../errors.js';
import type { Actor, BdmOptions } from './model.js';

const WIN_DENOMINATORS = ['dyad', 'all-dyads'];
const WIN_NUMERATORS = ['positive', 'net'];
const COMPROMISES = ['least-move', 'scholz-code'];
const CAPITULATIONS = ['paper', 'never'];
const ALL_AGREE = ['neutral', 'stop', 'error'];

function oneOf(name: string, value: string, allowed: string[]): void {
  if (!allowed.includes(value)) {
    throw new BargainInputError(`${name} ${value}: expected one of ${allowed.join(', ')}`);
  }
}

/** The scale to use: the option, else [min, max] of the positions. Throws on a bad scale. */
export function resolveScale(actors: readonly Actor[], scale?: readonly [number, number]): [number, number] {
  if (scale) {
    const [lo, hi] = scale;
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
      throw new BargainInputError(`scale [${lo}, ${hi}]: expected two finite numbers lo < hi`);
    }
    return [lo, hi];
  }
  const xs = actors.map((a) => a.position);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  if (!(lo < hi)) {
    throw new BargainInputError(
      `every actor holds position ${lo}: give the issue's scale explicitly (scale [lo, hi])`,
    );
  }
  return [lo, hi];
}

/**
 * Refuses one bad actor with a message naming it and the field: `who` says where it comes from
 * (e.g. "actors.csv:4: actor Belgium").
 */
export function checkActor(a: Actor, who: string, scale?: readonly [number, number]): void {
  if (!Number.isFinite(a.capability) || a.capability < 0) {
    throw new BargainInputError(`${who}: capability ${a.capability} must be a number ≥ 0`);
  }
  if (!Number.isFinite(a.salience) || a.salience < 0 || a.salience > 1) {
    throw new BargainInputError(`${who}: salience ${a.salience} must be in [0, 1]`);
  }
  if (!Number.isFinite(a.position)) {
    throw new BargainInputError(`${who}: position ${a.position} must be a number`);
  }
  if (scale && (a.position < scale[0] || a.position > scale[1])) {
    throw new BargainInputError(
      `${who}: position ${a.position} is outside the issue's scale [${scale[0]}, ${scale[1]}]`,
    );
  }
}

/** Refuses bad actors with a message naming the actor and the field. */
export function validateActors(actors: readonly Actor[], scale?: readonly [number, number]): void {
  if (actors.length < 2) throw new BargainInputError(`expected at least 2 actors, got ${actors.length}`);
  const seen = new Set<string>();
  actors.forEach((a, i) => {
    if (!a.name) throw new BargainInputError(`actor #${i + 1}: name is empty`);
    const who = `actor ${a.name}`;
    if (seen.has(a.name)) throw new BargainInputError(`${who}: name appears twice`);
    seen.add(a.name);
    checkActor(a, who, scale);
  });
  if (!actors.some((a) => a.capability * a.salience > 0)) {
    throw new BargainInputError('no actor has both capability > 0 and salience > 0: nothing to weigh');
  }
}

export function validateOptions(o: BdmOptions): void {
  oneOf('winDenominator', o.winDenominator, WIN_DENOMINATORS);
  oneOf('winNumerator', o.winNumerator, WIN_NUMERATORS);
  oneOf('compromise', o.compromise, COMPROMISES);
  oneOf('capitulation', o.capitulation, CAPITULATIONS);
  oneOf('allAgree', o.allAgree, ALL_AGREE);
  if (!Number.isInteger(o.rounds) || o.rounds < 0) {
    throw new BargainInputError(`rounds ${o.rounds}: expected an integer ≥ 0`);
  }
}
