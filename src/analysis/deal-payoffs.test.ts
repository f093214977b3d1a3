// The US–Iran scenario's deal payoffs are the bargaining models' (issue 5): Iran's value of sanctions
// relief is Powell's durability discount of a commitment that each new US administration may drop
// (src/bargain/commitment.ts), and the US's cost of backing down after a denied public declaration is
// the tying-hands audience cost (src/bargain/audience-costs.ts, read back in q7-tying-hands.test.ts).
// Checked leaf by leaf on the game compiled at drawn parameters, against the library's own numbers.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { durabilityDiscount } from '../bargain/commitment.js';
import { compileGame } from '../scenario/compile.js';
import { drawParameters, parameterRecord } from '../scenario/draw.js';
import { loadScenario } from '../scenario/load-file.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const model = loadScenario(join(ROOT, 'scenarios/us-iran-2026.yaml'));

function part(actor: string, term: string, name: string): number {
  const i = model.components.findIndex(
    (c) => model.actors[c.actor] === actor && c.term === term && c.part === name,
  );
  if (i < 0) throw new Error(`no part ${actor}.${term}.${name}`);
  return i;
}

describe.each([0, 1, 2])('draw %i of seed 7', (d) => {
  const params = drawParameters(model, 7, d);
  const p = parameterRecord(model, params);
  const cg = compileGame(model, params);
  const nc = model.components.length;
  const ns = model.stateVars.length;
  const relief = model.stateVars.findIndex((s) => s.name === 'sanctions_relief');
  const reliefPart = part('iran', 'gains', 'relief');
  const isolationPart = part('iran', 'C_opportunity', 'isolation');
  // b/(1 − δq) with b = 1 − δ: the share of the face value a deal that may lapse each term is worth.
  const share = durabilityDiscount({
    benefit: 1 - p.iran_term_discount!,
    durability: p.us_durability!,
    delta: p.iran_term_discount!,
    leverageValue: 0,
  }).dealValue;

  test('the durable share lies between the one-term value 1 − δ and the face value', () => {
    expect(share).toBeGreaterThan(1 - p.iran_term_discount! - 1e-12);
    expect(share).toBeLessThanOrEqual(1);
  });

  test("Iran's relief gain and its isolation cost use the durability discount at every leaf", () => {
    let withRelief = 0;
    for (let l = 0; l < cg.leaves.count; l++) {
      const r = cg.leaves.state[l * ns + relief]!;
      if (r > 0) withRelief++;
      expect(cg.leaves.parts[l * nc + reliefPart]).toBeCloseTo(p.v_relief_ir! * share * r, 12);
      expect(cg.leaves.parts[l * nc + isolationPart]).toBeCloseTo(0.2 * (1 - r * share), 12);
    }
    expect(withRelief).toBeGreaterThan(100);
  });
});
