// Messages between the Game view and its worker. The worker keeps one solved game (~72,000 nodes)
// and answers with a few nodes at a time; every answer names the solve it belongs to, so the page
// drops answers about a game it no longer shows.
import type { DrawGameSettings, SolveStats } from './solve-draw.js';
import type { NodeInfo } from './solved-tree.js';

export type ToGameWorker =
  | {
      readonly type: 'solve';
      readonly solve: number;
      readonly scenarioText: string;
      readonly scenarioFile: string;
      readonly settings: DrawGameSettings;
    }
  | { readonly type: 'children'; readonly solve: number; readonly request: number; readonly nodes: number[] };

export type FromGameWorker =
  | {
      readonly type: 'solved';
      readonly solve: number;
      readonly root: NodeInfo;
      /** The most likely path, root first. */
      readonly path: number[];
      readonly players: string[];
      /** Players who move (own information sets), in player order. */
      readonly movers: number[];
      readonly stats: SolveStats;
    }
  | {
      readonly type: 'children';
      readonly solve: number;
      readonly request: number;
      /** Per node asked: its children, in action order. */
      readonly children: Record<number, NodeInfo[]>;
    }
  | { readonly type: 'error'; readonly solve: number; readonly request?: number; readonly message: string };
