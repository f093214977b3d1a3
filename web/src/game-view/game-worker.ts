// The Game view's worker: parses the scenario (once per text), compiles and solves the game of the
// draw and policy asked (solve-draw.ts), keeps it, and answers requests for the children of nodes.
// The whole tree never leaves the worker.
import '../zod-jitless.js';
import { moversOf } from '../../../src/analysis/solve-qre.js';
import { registerBargainFunctions } from '../../../src/bargain/formula-functions.js';
import { registerEconFunctions } from '../../../src/econ/formula-functions.js';
import { parseScenario } from '../../../src/scenario/load.js';
import type { Model } from '../../../src/scenario/model.js';
import type { FromGameWorker, ToGameWorker } from './protocol.js';
import { type SolvedDraw, solveDrawGame } from './solve-draw.js';
import { childInfos, mostLikelyPathOf, nodeInfo } from './solved-tree.js';

registerBargainFunctions(); // scenario formulas may call the bargaining and oil models
registerEconFunctions();

let parsed: { text: string; file: string; model: Model } | undefined;
let current: { solve: number; solved: SolvedDraw } | undefined;

function modelOf(text: string, file: string): Model {
  if (parsed?.text !== text || parsed.file !== file)
    parsed = { text, file, model: parseScenario(text, file) };
  return parsed.model;
}

function reply(m: FromGameWorker): void {
  (self as unknown as Worker).postMessage(m);
}

self.onmessage = (event: MessageEvent<ToGameWorker>) => {
  const m = event.data;
  try {
    if (m.type === 'solve') {
      current = undefined; // free the previous game before building the next
      const solved = solveDrawGame(modelOf(m.scenarioText, m.scenarioFile), m.settings);
      current = { solve: m.solve, solved };
      reply({
        type: 'solved',
        solve: m.solve,
        root: nodeInfo(solved.tree, 0),
        path: mostLikelyPathOf(solved.tree),
        players: solved.cg.game.players,
        movers: moversOf(solved.cg.game),
        stats: solved.stats,
      });
    } else {
      if (current?.solve !== m.solve) throw new Error('that game is no longer loaded');
      const tree = current.solved.tree;
      const children: Record<number, ReturnType<typeof childInfos>> = {};
      for (const n of m.nodes) {
        if (!Number.isInteger(n) || n < 0 || n >= tree.game.nodes.count) throw new Error(`no node ${n}`);
        children[n] = childInfos(tree, n);
      }
      reply({ type: 'children', solve: m.solve, request: m.request, children });
    }
  } catch (e) {
    reply({
      type: 'error',
      solve: m.solve,
      ...(m.type === 'children' ? { request: m.request } : {}),
      message: (e as Error).message,
    });
  }
};
