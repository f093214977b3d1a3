import { describe, expect, test } from 'vitest';
import { type Binding, type Evaluator, compileFormula } from './compile.js';
import { DRAW, FREE, KNOWN, LeafPrograms, Specialiser } from './specialise.js';

// Slots: k1, k2 known (moves), p1, p2 per draw (parameters), s1, s2 free (state).
const SLOTS: Record<string, number> = { k1: 0, k2: 1, p1: 2, p2: 3, s1: 4, s2: 5 };
const CLS = Uint8Array.from([KNOWN, KNOWN, DRAW, DRAW, FREE, FREE]);

function compileAll(texts: string[]): Evaluator[] {
  const named = new Map<string, Evaluator>();
  const resolve = (n: string): Binding | undefined => {
    if (n in SLOTS) return { slot: SLOTS[n]! };
    if (n === 'shared') {
      if (!named.has(n)) named.set(n, compileFormula('s1 * p1 + k1', resolve));
      return { formula: named.get(n)! };
    }
    // A formula the specialiser cannot look into (like a payoff-term sum).
    if (n === 'opaque') return { formula: (env) => env[0]! * 10 + env[4]! };
    return undefined;
  };
  return texts.map((t) => compileFormula(t, resolve));
}

const FORMULAS = [
  'k1 * p1 + s1',
  'if(k1, p1 * p2, s1 / p2)',
  'if(s1 > 0, k2, p1)',
  'k1 and s1',
  'k2 or s2 > 1',
  'not k1 or not s1',
  'shared * shared + shared',
  'min(k1, p1, s1) + max(s2, 2) + clamp(s1, p1, p2) + abs(s2 - k2)',
  '(p1 - p2) ^ 2 * s1 - k2 * s2',
  'p1 * k2 * s1',
  '(s1 == s2) + (s1 != p1) + (k1 <= s1) + (k2 >= p2) + (p1 < s2)',
  'log(s1) + sqrt(s2) + exp(k2)',
  'opaque + p1 * s2',
  'k1 * 2 + k2',
  '-s1 * -k1',
];

const SPECIAL = [0, -0, 1, -1, 0.5, 2, Number.NaN, Number.POSITIVE_INFINITY, -3.25];

function envs(count: number, seed: number): Float64Array[] {
  let x = seed;
  const next = (): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  return Array.from({ length: count }, () => {
    const pick = () => SPECIAL[Math.floor(next() * SPECIAL.length)]!;
    const knownValue = () => [0, 1, 2, -1][Math.floor(next() * 4)]!;
    return Float64Array.from([knownValue(), knownValue(), pick(), pick(), pick(), pick()]);
  });
}

describe('specialised formulas', () => {
  test('give the same double as the formula, NaN and -0 included, by value() and by run()', () => {
    const fs = compileAll(FORMULAS);
    const sp = new Specialiser(CLS);
    for (const env of envs(400, 7)) {
      const ids = fs.map((f) => sp.specialise(f, env));
      const full = new Float64Array(sp.envSize);
      full.set(env);
      sp.prepare(full);
      const byValue = ids.map((id) => sp.value(id, full));
      sp.run(sp.program(ids), full);
      fs.forEach((f, i) => {
        const want = f(env);
        expect(Object.is(byValue[i], want), `${FORMULAS[i]} at ${Array.from(env)}`).toBe(true);
        expect(Object.is(full[sp.valueSlot(ids[i]!)], want), `${FORMULAS[i]} at ${Array.from(env)}`).toBe(
          true,
        );
      });
    }
  });

  test('fold what the moves fix and share equal residuals', () => {
    const [a, b, c] = compileAll(['if(k1, p1, p2) * 2', 'k1 * s1 + 0 * k2', 'k1 * s1']);
    const sp = new Specialiser(CLS);
    const env = Float64Array.from([1, 0, 0, 0, 0, 0]);
    expect(sp.specialise(a!, env)).toBe(sp.specialise(a!, Float64Array.from([1, 0, 5, 5, 5, 5])));
    expect(sp.constantOf(sp.specialise(compileAll(['k1 + k2 * 3'])[0]!, env))).toBe(1);
    // 1 * s1 + 0 and 1 * s1: different residuals, but the product is one node.
    const before = sp.count;
    sp.specialise(b!, env);
    const mid = sp.count;
    sp.specialise(c!, env);
    expect(sp.count).toBe(mid);
    expect(mid).toBeGreaterThan(before);
  });

  test('leaf programs recompute only what changed and agree with whole programs', () => {
    const fs = compileAll(FORMULAS);
    const sp = new Specialiser(CLS);
    // A run of leaves: the moves change now and then, the state slots one at a time.
    const leaves = envs(300, 11).map((e, i, all) => {
      if (i === 0) return e;
      const prev = all[i - 1]!;
      const out = Float64Array.from(prev);
      out[4 + (i % 2)] = e[4 + (i % 2)]!;
      if (i % 7 === 0) {
        out[0] = e[0]!;
        out[1] = e[1]!;
      }
      all[i] = out;
      return out;
    });
    const programs = new LeafPrograms(sp);
    const slots: number[][] = [];
    leaves.forEach((env, i) => {
      const ids = fs.map((f) => sp.specialise(f, env));
      slots.push(ids.map((id) => sp.valueSlot(id)));
      const changed = i === 0 ? undefined : [4, 5].filter((s) => !Object.is(env[s], leaves[i - 1]![s]));
      programs.add(ids, changed);
    });
    const { start, ids } = programs.finish();
    const full = new Float64Array(sp.envSize);
    full.set(leaves[0]!.subarray(2, 4), 2);
    sp.prepare(full);
    let work = 0;
    leaves.forEach((env, i) => {
      full.set(env.subarray(4, 6), 4);
      full[0] = env[0]!;
      full[1] = env[1]!;
      sp.run(ids, full, start[i]!, start[i + 1]!);
      work += start[i + 1]! - start[i]!;
      fs.forEach((f, k) => {
        expect(Object.is(full[slots[i]![k]!], f(env)), `${FORMULAS[k]} at leaf ${i}`).toBe(true);
      });
    });
    const whole = leaves.reduce((s, env) => s + sp.program(fs.map((f) => sp.specialise(f, env))).length, 0);
    expect(work).toBeLessThan(whole);
  });
});
