// The page's side of the Game view's worker: one solve at a time, and questions about the solved
// game's nodes. A new solve while one is being computed ends that worker (a compile and solve of
// the full game takes seconds, and only the newest request matters) and starts a fresh one.
import type { FromGameWorker, ToGameWorker } from './protocol.js';
import type { DrawGameSettings, SolveStats } from './solve-draw.js';
import type { NodeInfo } from './solved-tree.js';

export interface SolvedGame {
  /** Names the solve: questions about its nodes carry it. */
  readonly solve: number;
  readonly root: NodeInfo;
  readonly path: readonly number[];
  readonly players: readonly string[];
  /** Players who move (own information sets), in player order. */
  readonly movers: readonly number[];
  readonly stats: SolveStats;
}

/** A newer solve was asked for: not an error to show. */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer request');
  }
}

type Waiting = { resolve: (m: FromGameWorker) => void; reject: (e: Error) => void };

export class GameClient {
  private worker: Worker | undefined;
  private lastSolve = 0;
  private lastRequest = 0;
  private solving: { solve: number; waiting: Waiting } | undefined;
  private readonly requests = new Map<number, Waiting>();

  private start(): Worker {
    const w = new Worker(new URL('./game-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<FromGameWorker>) => this.received(e.data);
    w.onerror = (e) => this.failAll(new Error(e.message || 'the game worker failed'));
    return w;
  }

  private failAll(e: Error): void {
    this.solving?.waiting.reject(e);
    this.solving = undefined;
    for (const r of this.requests.values()) r.reject(e);
    this.requests.clear();
  }

  private received(m: FromGameWorker): void {
    if (m.type === 'solved' || (m.type === 'error' && m.request === undefined)) {
      if (this.solving?.solve === m.solve) {
        const { waiting } = this.solving;
        this.solving = undefined;
        waiting.resolve(m);
      }
      return;
    }
    const r = this.requests.get(m.request!);
    if (!r) return;
    this.requests.delete(m.request!);
    r.resolve(m);
  }

  /** Compiles and solves one draw's game in the worker; it stays there for children() questions. */
  async solve(scenarioText: string, scenarioFile: string, settings: DrawGameSettings): Promise<SolvedGame> {
    if (this.solving) {
      this.worker?.terminate();
      this.worker = undefined;
      this.failAll(new Superseded());
    }
    this.worker ??= this.start();
    const solve = ++this.lastSolve;
    const message: ToGameWorker = { type: 'solve', solve, scenarioText, scenarioFile, settings };
    const m = await new Promise<FromGameWorker>((resolve, reject) => {
      this.solving = { solve, waiting: { resolve, reject } };
      this.worker!.postMessage(message);
    });
    if (m.type === 'error') throw new Error(m.message);
    if (m.type !== 'solved') throw new Error(`internal: unexpected answer ${m.type}`);
    return { solve, root: m.root, path: m.path, players: m.players, movers: m.movers, stats: m.stats };
  }

  /** The children of each node asked, in action order, from the game of solve `solve`. */
  async children(solve: number, nodes: number[]): Promise<Record<number, NodeInfo[]>> {
    if (!this.worker || solve !== this.lastSolve) throw new Superseded();
    const request = ++this.lastRequest;
    const message: ToGameWorker = { type: 'children', solve, request, nodes };
    const m = await new Promise<FromGameWorker>((resolve, reject) => {
      this.requests.set(request, { resolve, reject });
      this.worker!.postMessage(message);
    });
    if (m.type === 'error') throw new Error(m.message);
    if (m.type !== 'children') throw new Error(`internal: unexpected answer ${m.type}`);
    return m.children;
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.failAll(new Superseded());
  }
}
