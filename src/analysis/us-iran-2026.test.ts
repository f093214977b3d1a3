// The bundled US–Iran 2026 scenario (scenarios/us-iran-2026.yaml) and the analysis behind
// `brink analyze`: the scenario is sound and sourced, its game has the designed size, the analysis
// is deterministic and uses common random numbers, and its headline figures stay within the bounds
// of docs/us-iran-2026-model.md §6. Each bound's test names the seed sentence it rests on.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { PERSONAL } from '../game/types.js';
import { compileGame } from '../scenario/compile.js';
import { drawParameters, meanParameters } from '../scenario/draw.js';
import { loadScenario } from '../scenario/load-file.js';
import { checkSources, factIdsFromYaml } from '../scenario/sources.js';
import { type Analysis, analyzeModel } from './analyze.js';
import { DEAL_SUBCLASSES, classIndex, flagIndex } from './outcomes.js';
import { OIL_MEASURES } from './policy-summary.js';
import { TAU_CONTAIN, TAU_SCOPE } from './questions/q2-limited-strike.js';
import { renderJson } from './report/render-json.js';
import { POLICY_RUNS, baselineDetail } from './run-draws.js';
import { coefficientOfVariation } from './stats.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const FILE = join(ROOT, 'scenarios/us-iran-2026.yaml');
const SHARED = join(ROOT, '../shared');

/** Draws for the bound tests: enough for the means to sit well inside the bounds, few enough for a test. */
const BOUND_DRAWS = 8;

const model = loadScenario(FILE);

describe('the scenario file', () => {
  test('loads with no diagnostics and has the designed parts', () => {
    expect(model.params).toHaveLength(97);
    expect(model.actors).toEqual([
      'us',
      'iran',
      'us_hawks',
      'us_restrainers',
      'irgc_hardliners',
      'iran_reformists',
      'axis_proxies',
      'israel',
      'gulf_states',
      'china',
      'oman',
      'qatar',
    ]);
    expect(model.stateVars).toHaveLength(46);
    expect(model.types.map((t) => t.id)).toEqual(['us_resolve', 'iran_stance', 'talks_intent']);
    expect(model.stages.map((s) => s.id)).toEqual([
      'us_open',
      'leak',
      'strike_effect',
      'perception',
      'iran_resp',
      'spillover',
      'us_counter',
      'iran_counter',
    ]);
    for (const p of POLICY_RUNS.flatMap((r) => r.policies)) expect(model.policies.has(p), p).toBe(true);
  });

  test('every seed quote occurs verbatim in its seed and every fact id exists', () => {
    if (!existsSync(join(SHARED, 'seeds')) || !existsSync(join(SHARED, 'facts/facts.yaml'))) {
      console.log(`note: ${SHARED} is absent; the source check is skipped`);
      return;
    }
    const seeds = new Map(
      readdirSync(join(SHARED, 'seeds')).map((f) => [f, readFileSync(join(SHARED, 'seeds', f), 'utf8')]),
    );
    const facts = factIdsFromYaml(readFileSync(join(SHARED, 'facts/facts.yaml'), 'utf8'));
    expect(checkSources(model, { seeds, facts })).toEqual([]);
  });

  test('the game has the designed size (design §1.7: 71,971 nodes, 46,368 leaves, 5,142 information sets)', () => {
    const cg = compileGame(model, meanParameters(model), { labels: false });
    const personal = cg.game.infosets.filter((h) => h.player >= 0).length;
    expect(cg.game.nodes.count).toBe(71_971);
    expect(cg.leaves.count).toBe(46_368);
    expect(personal).toBe(5_142);
    expect(cg.game.infosets.length - personal).toBe(1_951);
    let decisions = 0;
    for (let n = 0; n < cg.game.nodes.count; n++) if (cg.game.nodes.kind[n] === PERSONAL) decisions++;
    expect(decisions).toBe(23_652);
  });

  test('the volatility the seeds ascribe to reputation and opportunity costs is in the draws', () => {
    // B19, 003_82137da3c5b8a964.txt: "For the United States, $C_{reputation}$ and $C_{opportunity}$ are
    // highly volatile variables heavily influenced by electoral cycles and global commitments." and
    // "For Iran, $C_{reputation}$ is anchored to its foundational state identity, making it far less
    // malleable during acute crises."
    const names = ['us_rep_scale', 'us_opp_scale', 'iran_rep_scale'];
    const idx = names.map((n) => model.params.findIndex((p) => p.name === n));
    const draws = Array.from({ length: 400 }, (_, d) => drawParameters(model, 1, d));
    const [us, opp, iran] = idx.map((i) => coefficientOfVariation(draws.map((p) => p[i]!)));
    expect(us).toBeGreaterThanOrEqual(0.4);
    expect(opp).toBeGreaterThanOrEqual(0.4);
    expect(iran).toBeLessThanOrEqual(0.1);
  });
});

describe('the analysis', () => {
  test('is deterministic: two runs give byte-identical JSON', () => {
    const json = () => {
      const a = analyzeModel(model, { draws: 1, scenarioLabel: 'us-iran-2026.yaml', version: 'test' });
      return renderJson({ ...a.doc, data: a.results });
    };
    const first = json();
    expect(json()).toBe(first);
    expect(first).toContain('"q1-talks-intent"');
  });
});

describe(`bounds of the design (§6), ${BOUND_DRAWS} draws of the default seed`, () => {
  let a: Analysis;
  beforeAll(() => {
    a = analyzeModel(model, { draws: BOUND_DRAWS });
  }, 300_000);
  const base = () => a.run.records.map((r) => r.policies.baseline!);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const meanOf = (policy: string, f: (p: (typeof a.run.records)[number]['policies'][string]) => number) =>
    mean(a.run.records.map((r) => f(r.policies[policy]!)));
  const cls = (id: string) => classIndex(id);
  const flag = (id: string) => flagIndex(id);

  test('policies use common random numbers: the same parameter values in every game of a draw', () => {
    const digests = a.run.records.map((r) => new Set(Object.values(r.solver).map((s) => s.paramDigest)));
    for (const d of digests) expect(d.size).toBe(1);
    expect(new Set(digests.map((d) => [...d][0])).size).toBe(BOUND_DRAWS);
    for (const r of a.run.records) expect(Object.keys(r.policies)).toEqual(POLICY_RUNS.map((p) => p.id));
  });

  test('every solve settled at a fixed point', () => {
    expect(a.results.solver.maxResidual).toBeLessThan(1e-8);
  });

  test('B1: invasion is (almost) never chosen', () => {
    // 002_749e95640e60a4bc.txt: "An invasion of Iran would be strategically irrational."
    const p = base().map((b) => b.outcomes.flags[flag('invasion')]!);
    expect(mean(p)).toBeLessThan(0.02);
    for (const x of p) expect(x).toBeLessThan(0.02);
  });

  test('B2: regional war is small but not zero', () => {
    // 002_749e95640e60a4bc.txt: "The most plausible outcome of the current standoff is not a U.S. invasion
    // of Iran or a full-scale regional war." and "Even when both sides seek to avoid full-scale war,
    // miscalculation, misreading of resolve, or domestic pressures can push them beyond intended limits."
    const p = mean(base().map((b) => b.outcomes.classes[cls('regional_war')]!));
    expect(p).toBeGreaterThanOrEqual(0.002);
    expect(p).toBeLessThanOrEqual(0.12);
  });

  test('B3a: limited and decapitation strikes are the most attractive force at the opening', () => {
    // 002_749e95640e60a4bc.txt: "These dynamics explain why U.S. policymakers see a limited strike, rather
    // than an invasion, as the most attractive tool." and "In the scenario being discussed in Washington,
    // the most plausible option is not occupation but decapitation."
    const open = a.results.q1.openings;
    const p = (id: string) => a.results.q1.opening[open.indexOf(id)]!.mean;
    const preferred = p('limited_strike') + p('decapitation');
    for (const other of ['blockade', 'infrastructure_strike', 'broad_campaign', 'invasion'])
      expect(preferred, other).toBeGreaterThan(p(other));
  });

  test('B3b: when the US strikes Iran, the first force is mostly a limited or decapitation strike', () => {
    // 002_749e95640e60a4bc.txt: "It is a limited, carefully calibrated strike designed to reshape
    // bargaining dynamics rather than end them."
    expect(a.results.q3.firstForceLimited.mean).toBeGreaterThan(0.5);
  });

  test('B4: closing Hormuz is the rare top of the ladder', () => {
    // 001_55fccd39af8d8d22.txt: "Operationally, Iran has a ladder of response, starting with strikes on US
    // bases in the region using missiles or drones, moving through the activation of regional proxies, and
    // culminating in threats to shipping in the Strait of Hormuz, the scenario with the most severe global
    // impact."
    expect(mean(base().map((b) => b.outcomes.flags[flag('closure_attempt')]!))).toBeLessThanOrEqual(0.03);
    expect(mean(base().map((b) => b.outcomes.flags[flag('hormuz_closure')]!))).toBeLessThanOrEqual(0.03);
    expect(mean(base().map((b) => b.outcomes.classes[cls('hormuz_disruption')]!))).toBeLessThanOrEqual(0.15);
  });

  test('B5: negotiations remain likely', () => {
    // 000_abdd5ea25a2e5bad.txt: "In an environment where the cost of miscalculation is extremely high,
    // negotiations function less as a prelude to war and more as insurance against unintended war."
    expect(mean(base().map((b) => b.outcomes.flags[flag('talks_or_deal')]!))).toBeGreaterThanOrEqual(0.6);
  });

  test('B6: no grand bargain; modest deals instead', () => {
    // 004_e1cf7199659a785e.txt: "The most realistic outcome is not a grand bargain but a series of modest,
    // transactional agreements that reduce the risk of unintended escalation while leaving the fundamental
    // competition between the two nations intact."
    const sub = (id: string) =>
      mean(base().map((b) => b.outcomes.dealSub[DEAL_SUBCLASSES.findIndex((c) => c.id === id)]!));
    expect(sub('comprehensive')).toBeLessThan(0.05);
    expect(sub('comprehensive')).toBeLessThan(sub('nuclear_only') + sub('interim'));
  });

  test('B7: a deal is possible but not expected', () => {
    // 004_e1cf7199659a785e.txt: "Neither side approaches the negotiations with high expectations."
    const p = mean(base().map((b) => b.outcomes.classes[cls('deal')]!));
    expect(p).toBeGreaterThanOrEqual(0.05);
    expect(p).toBeLessThanOrEqual(0.6);
  });

  test('B8: a US strike is followed by restraint', () => {
    // 002_749e95640e60a4bc.txt: "Crucially, this would be followed by restraint."
    expect(a.results.q3.restraintAfterBounded.mean).toBeGreaterThanOrEqual(0.5);
    expect(a.results.q3.restraintAfterStrike.mean).toBeGreaterThanOrEqual(0.4);
  });

  test('B9: force followed by negotiation beats a contained exchange and regional war', () => {
    // 002_749e95640e60a4bc.txt: "The likely sequence is not negotiation followed by force but force
    // followed by negotiation: A strike occurs."
    const p = (id: string) => mean(base().map((b) => b.outcomes.classes[cls(id)]!));
    expect(p('strike_then_talks')).toBeGreaterThan(p('contained_exchange'));
    expect(p('strike_then_talks')).toBeGreaterThan(p('regional_war'));
  });

  test('B10 (Q1): the talks read as risk control, not cover', () => {
    // 000_abdd5ea25a2e5bad.txt: "By contrast, the weight of variables such as mutual deterrence, escalation
    // risk, and uncertainty over the gains of a limited strike strengthens the scenario in which diplomacy
    // is used as a tool for risk control and tension management."
    const [bt, rc] = a.results.q1.postTalks.map((s) => s.mean) as [number, number];
    expect(bt).toBeLessThan(0.5);
    expect(rc).toBeGreaterThan(bt);
    expect(a.results.q1.postForce[0]!.mean).toBeGreaterThan(bt);
    expect(a.results.q1.answer).toBe('risk control');
  });

  test('B11 (Q2): against the doctrine, containment and scope fail and war grows', () => {
    // 000_abdd5ea25a2e5bad.txt: "When one side formally declares that it will respond to any limited attack
    // with a broad response, the structure of the game changes." and "If any of these conditions are in
    // doubt, a limited action is not only non-deterrent but may itself become a trigger for escalation."
    const c = a.results.q2.conditions;
    expect(c.widening.c1.mean).toBeLessThan(TAU_CONTAIN);
    expect(c.widening.c2.mean).toBeLessThan(TAU_SCOPE);
    expect(c.widening.c1.mean).toBeLessThan(c.calibrated.c1.mean);
    const q2 = a.results.q2;
    expect(q2.warLimitedWidening.mean).toBeGreaterThan(q2.warLimitedCalibrated.mean);
    expect(q2.warLimitedCalibrated.mean).toBeGreaterThan(q2.warPressure.mean);
  });

  test('B12 (Q2): a limited strike is worth less to the US than pressure', () => {
    // 002_749e95640e60a4bc.txt: "This is the paradox of bargaining through force: it is used to avoid war,
    // yet it brings war closer."
    expect(a.results.q2.gapPressure.mean).toBeLessThan(0);
  });

  test('B13 (Q4): a calibrated Iran answers in its graduated band; a widening Iran widens', () => {
    // 002_749e95640e60a4bc.txt: "This path would align with Iran’s long-standing preference for ambiguity
    // and graduated retaliation." and "In this scenario, Tehran might conclude that restraint only invites
    // further pressure, responding instead in ways that deliberately widen the conflict and challenge
    // Washington’s ability to control the pace and scope of escalation."
    const [calibrated, widening] = a.results.q4.limitedGraduated.map((s) => s.mean) as [number, number];
    expect(calibrated).toBeGreaterThan(widening);
    expect(a.results.q4.limitedWidening[1]!.mean).toBeGreaterThan(0.5);
  });

  test('B14 (Q7): a public declaration hurts the deal', () => {
    // 003_82137da3c5b8a964.txt: "Iran requires ambiguous, non-public arrangements to preserve its
    // sovereignty narrative." and "When American officials publicly declare that a peace deal is finalized,
    // they lock themselves into a specific narrative of success."
    for (const r of a.run.records) {
      const [announced, , kept] = baselineDetail(r).q7.accepted as [number, number, number];
      expect(announced).toBeLessThan(kept);
    }
    const deal = (p: string) => meanOf(p, (x) => x.outcomes.classes[cls('deal')]!);
    const us = (p: string) => meanOf(p, (x) => x.terms[0]![4]!);
    expect(deal('nuclear_public')).toBeLessThan(deal('nuclear_backchannel'));
    expect(us('nuclear_public')).toBeLessThan(us('nuclear_backchannel'));
    expect(meanOf('nuclear_public', (x) => x.outcomes.flags[flag('deal_denied')]!)).toBeGreaterThan(0.2);
  });

  test('B15 (Q5): the grand bargain is the worst architecture for the US', () => {
    // 003_82137da3c5b8a964.txt: "To resolve the structural deadlock inherent in the US-Iran deterrence
    // matrix, Western policymakers must pivot away from looking for comprehensive, grand-bargain peace
    // treaties."
    const us = (p: string) => meanOf(p, (x) => x.terms[0]![4]!);
    const deal = (p: string) => meanOf(p, (x) => x.outcomes.classes[cls('deal')]!);
    const war = (p: string) => meanOf(p, (x) => x.outcomes.classes[cls('regional_war')]!);
    expect(us('grand_bargain')).toBeLessThan(us('segmented_reciprocity'));
    expect(us('grand_bargain')).toBeLessThan(us('transactional'));
    expect(deal('grand_bargain')).toBeLessThan(deal('transactional'));
    expect(war('transactional')).toBeLessThanOrEqual(war('baseline'));
  });

  test('B16: removing parallel diplomacy raises the risk of war or a Hormuz disruption', () => {
    // 000_abdd5ea25a2e5bad.txt: "Removing any one of these pillars increases the likelihood of sliding
    // toward uncontrolled confrontation."
    const woh = (p: string) => meanOf(p, (x) => x.outcomes.flags[flag('war_or_hormuz')]!);
    expect(woh('no_parallel_diplomacy')).toBeGreaterThan(woh('baseline'));
  });

  test('B17: one wave never neutralises 90 % (every leaf of every draw)', () => {
    // 003_82137da3c5b8a964.txt: "Because these assets are embedded in deep underground complexes or highly
    // mobile launch platforms, a single-wave kinetic strike cannot guarantee a 90% or higher neutralization
    // rate."
    expect(a.results.checks.maxSingleWaveNeutralisation).toBeLessThanOrEqual(0.89 + 1e-12);
  });

  test('B18: the residual capacity sets a floor on the US kinetic cost (every leaf of every draw)', () => {
    // 003_82137da3c5b8a964.txt: "The remaining retaliatory capacity preserves Iran's second-strike
    // capability, establishing a hard floor for the minimum cost the United States must expect to absorb."
    expect(a.results.checks.minFloorRatio).toBeGreaterThanOrEqual(0.11 - 1e-12);
    expect(a.results.checks.minFloorStruck).toBeGreaterThan(0);
  });

  test('B19: US reputation costs vary across draws far more than Iran’s', () => {
    // 003_82137da3c5b8a964.txt: "For the United States, $C_{reputation}$ and $C_{opportunity}$ are highly
    // volatile variables heavily influenced by electoral cycles and global commitments." and "For Iran,
    // $C_{reputation}$ is anchored to its foundational state identity, making it far less malleable during
    // acute crises."
    const cv = a.results.checks.cv;
    expect(cv.usReputationAtReference).toBeGreaterThanOrEqual(2 * cv.iranReputationAtReference);
  });

  test('B20: a Hormuz closure spikes premiums and prices; a deal leaves oil alone', () => {
    // 003_82137da3c5b8a964.txt: "Even a temporary disruption in commercial shipping lanes via mine
    // deployment, anti-ship cruise missiles, or fast-attack craft risks an immediate, non-linear spike in
    // global insurance premiums and crude oil prices."
    const ch = a.results.checks;
    expect(ch.minClosureInsurance).toBeGreaterThanOrEqual(0.01);
    expect(ch.minClosureOilChange).toBeGreaterThanOrEqual(5);
    expect(ch.maxDealOilChange).toBe(0);
    const k = OIL_MEASURES.findIndex((m) => m.id === 'price_change_pct');
    const byClass = (id: string) => mean(base().map((b) => b.oilByClass[cls(id)]![k]!));
    expect(byClass('hormuz_disruption')).toBeGreaterThan(byClass('coercive_standoff'));
  });

  test('B21: denying an announced deal pays Iran; validating it costs (every leaf of every draw)', () => {
    // 003_82137da3c5b8a964.txt: "By denying the agreement, Tehran achieves two critical strategic
    // objectives:"
    expect(a.results.checks.maxDenialPart).toBeLessThan(0);
    expect(a.results.checks.minValidationPart).toBeGreaterThan(0);
  });

  test('the outcome classes are exclusive and exhaustive on every leaf', () => {
    expect(a.results.checks.unclassifiedLeaves).toBe(0);
    const total = base().map((b) => b.outcomes.classes.reduce((s, x) => s + x, 0));
    for (const t of total) expect(t).toBeCloseTo(1, 9);
  });
});
