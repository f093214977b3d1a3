import { test } from 'vitest';
import { compileGame } from './compile.js';
import { drawParameters } from './draw.js';
import { parseScenario } from './load.js';
import { solveCompiled } from './solve.js';
const opts = (n: number, p: string, avail = '') => Array.from({ length: n }, (_, i) => `        ${p}${i}: { effects: { dmg: ${i * 0.1}, oil: { max: ${i / n} } } ${avail} }`).join('\n');
const yaml = `
id: perf
title: Perf
actors:
  us: { kind: state }
  iran: { kind: state }
parameters:
  pr: { dist: beta, alpha: 3, beta: 2, source: { judgement: j } }
  eff: { dist: uniform, low: 0.3, high: 0.9, source: { judgement: j } }
state:
  dmg: 0
  oil: { default: 0, min: 0, max: 1 }
ladders:
  us:
    open:
      rungs:
${opts(9, 'u')}
    counter:
      rungs:
${opts(3, 'c')}
  iran:
    resp:
      rungs:
${opts(9, 'r')}
    again:
      rungs:
${opts(2, 'a')}
types:
  us_res: { actor: us, prior: { resolved: pr, cautious: "1 - pr" } }
  ir_st: { actor: iran, prior: { calibrated: 0.5, widening: 0.5 } }
  intent: { actor: iran, prior: { buying: 0.3, risk: 0.4, legit: otherwise_dummy } }
stages:
  - { id: s1, actor: us, options: [open] }
  - id: ch
    chance:
      hi: { prob: eff, effects: { dmg: 1 } }
      mid: { prob: "(1 - eff) / 2" }
      lo: { prob: otherwise }
  - { id: s2, actor: iran, options: [resp] }
  - { id: s3, actor: us, options: [counter] }
  - { id: s4, actor: iran, options: [again] }
payoffs:
  us: { gains: "2 * us_res.resolved - state.oil", C_kinetic: "state.dmg * 0.1", C_reputation: "s3.c0 * 0.2" }
  iran: { gains: "state.oil * (1 + ir_st.widening)", C_kinetic: "state.dmg * 0.2 + intent.buying" }
`.replace('legit: otherwise_dummy', 'legit: 0.3');
test('perf', () => {
  const m = parseScenario(yaml, 'perf.yaml');
  let t = performance.now();
  let cg;
  for (let d = 0; d < 5; d++) cg = compileGame(m, drawParameters(m, 1, d), { labels: false });
  console.log('nodes', cg!.game.nodes.count, 'infosets', cg!.game.infosets.length, 'compile ms/draw', (performance.now() - t) / 5);
  t = performance.now();
  const s = solveCompiled(cg!, { lambda: 2 });
  console.log('qre ms', performance.now() - t, s.ok, s.message, s.payoff);
}, 600_000);
