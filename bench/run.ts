// Brink's benchmark: `npm run build && npm run bench` (node dist/bench/run.js [options]).
//
//  1. A random perfect-information tree of 10^6 nodes with chance nodes: build time, backward
//     induction time (best of 3; target < 1 s) and memory per node, game included (target < 200 bytes),
//     measured as V8 heap + external (typed array) memory after forced garbage collection.
//  2. Random 2-player extensive games (chance, imperfect information, perfect recall) of 10^3,
//     10^4 and 10^5 nodes: Lemke on the sequence form, logit QRE at a fixed λ, and LP on a
//     zero-sum game of the same shape.
//  3. Monte Carlo throughput of the default scenario on 1 and 2 workers, and the wall time of the
//     default `brink analyze` (monte-carlo.ts; --mc-draws=N, --no-mc).
//  4. Recompute latency of the workbench in Debian's Chromium: p50 and p95 over 100 what-if moves of
//     the default scenario at a few draws each, and the time per move projected to 1,000 draws
//     (web-latency.ts; --web-moves=N, --web-draws=N, --web-budget=SECONDS (default 240: on a busy
//     machine fewer moves, said so), --no-web; skipped without /usr/bin/chromium or web/dist).
//  5. When ../shared/oracle/gambit exists: every Gambit command that finished there (meta.txt rc=0)
//     is re-run with Brink's counterpart, and times (parse + solve) are compared with Gambit's
//     recorded wall seconds: ratio = ours / Gambit, summarised by geometric means.
//
// Solvers run in a worker thread so that one exceeding its time limit is stopped and reported.
//
// Options: --no-tree --no-generated --no-mc --no-web --no-oracle --verbose (one row per oracle run)
//          --budget=SECONDS (oracle part, split evenly between methods; default 90)
//          --methods=lp,lcp (oracle methods to run) --oracle-dir=PATH (default ../shared/oracle/gambit)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { monteCarloRows } from './monte-carlo.js';
import {
  type GeneratedMethod,
  type GeneratedSpec,
  ORACLE_METHODS,
  type OracleMethod,
  backwardInduction,
  randomPerfectInfoGame,
} from './solvers.js';
import { fmtMs, fmtRatio, formatTable, geometricMean, median } from './stats.js';
import { webLatencyRows } from './web-latency.js';
import type { Task, TaskResult } from './worker.js';

const HEADER = ['method', 'game', 'nodes', 'time ms', 'bytes/node', 'ratio'];
type Row = string[];

interface Options {
  tree: boolean;
  generated: boolean;
  oracle: boolean;
  mc: boolean;
  mcDraws: number;
  web: boolean;
  webMoves: number;
  webDraws: number;
  webBudgetSec: number;
  verbose: boolean;
  budgetSec: number;
  methods: OracleMethod[];
  oracleDir?: string;
}

function parseArgs(argv: string[]): Options {
  const opt = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const methods = opt('methods')?.split(',') ?? [...ORACLE_METHODS];
  for (const m of methods)
    if (!(ORACLE_METHODS as readonly string[]).includes(m)) throw new Error(`unknown method ${m}`);
  return {
    tree: !argv.includes('--no-tree'),
    generated: !argv.includes('--no-generated'),
    oracle: !argv.includes('--no-oracle'),
    mc: !argv.includes('--no-mc'),
    mcDraws: Number(opt('mc-draws') ?? 16),
    web: !argv.includes('--no-web'),
    webMoves: Number(opt('web-moves') ?? 100),
    webDraws: Number(opt('web-draws') ?? 2),
    webBudgetSec: Number(opt('web-budget') ?? 240),
    verbose: argv.includes('--verbose'),
    budgetSec: Number(opt('budget') ?? 90),
    methods: methods as OracleMethod[],
    ...(opt('oracle-dir') ? { oracleDir: opt('oracle-dir') } : {}),
  };
}

/** Memory measurements need global.gc: re-run this script under --expose-gc if it is missing. */
function ensureGc(): void {
  if (typeof globalThis.gc === 'function') return;
  const script = fileURLToPath(import.meta.url);
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', ...process.execArgv, script, ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(r.status ?? 1);
}

/** Heap plus external (typed array) bytes after full garbage collections. */
function memoryNow(): number {
  globalThis.gc!();
  globalThis.gc!();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/** The repository root: the nearest folder above this file with a package.json (else the working directory). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

// ---------------------------------------------------------------------------------------------
// 1. The 10^6-node perfect-information tree.

function treeRows(): Row[] {
  const nodes = 1_000_000;
  const before = memoryNow();
  const t0 = performance.now();
  let g: ReturnType<typeof randomPerfectInfoGame> | undefined = randomPerfectInfoGame({ seed: 1, nodes });
  const buildMs = performance.now() - t0;
  const withGame = memoryNow();
  const times: number[] = [];
  let result: ReturnType<typeof backwardInduction> | undefined;
  for (let i = 0; i < 3; i++) {
    result = undefined;
    const t = performance.now();
    result = backwardInduction(g);
    times.push(performance.now() - t);
  }
  const withResult = memoryNow();
  const gameBytes = (withGame - before) / nodes;
  const totalBytes = (withResult - before) / nodes;
  const best = Math.min(...times);
  const rows = [
    [
      'generate (perfect info)',
      'random tree, seed 1',
      String(g.nodes.count),
      fmtMs(buildMs),
      gameBytes.toFixed(0),
      '—',
    ],
    [
      'backward induction',
      'random tree, seed 1',
      String(g.nodes.count),
      fmtMs(best),
      totalBytes.toFixed(0),
      '—',
    ],
  ];
  const ok = best < 1000 && totalBytes < 200;
  console.log(
    `Backward induction on 10^6 nodes: best of 3 runs ${fmtMs(best)} ms, median ${fmtMs(median(times))} ms (target < 1000), ` +
      `${totalBytes.toFixed(0)} bytes/node game + result (target < 200; game alone ${gameBytes.toFixed(0)}): ${ok ? 'OK' : 'MISSED'}`,
  );
  // Keep both alive until after the measurement.
  if (result!.values.length === 0) console.log('');
  g = undefined;
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Worker pool of one (the machine is shared): tasks with time limits.

class Runner {
  private worker: Worker | undefined;
  private readonly url = new URL('./worker.js', import.meta.url);

  private spawn(): Worker {
    this.worker ??= new Worker(this.url);
    return this.worker;
  }

  /** Runs one task; on timeout the worker is terminated (and replaced for the next task). */
  run(task: Task, limitMs: number): Promise<TaskResult & { timeout?: boolean }> {
    const w = this.spawn();
    return new Promise((resolveTask) => {
      const timer = setTimeout(() => {
        w.removeAllListeners('message');
        void w.terminate();
        this.worker = undefined;
        resolveTask({ id: task.id, ms: limitMs, timeout: true });
      }, limitMs);
      w.once('message', (r: TaskResult) => {
        clearTimeout(timer);
        resolveTask(r);
      });
      w.postMessage(task);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Generated extensive games.

const GENERATED_LIMIT_MS = 10_000;
const PREPARE_LIMIT_MS = 60_000;

async function generatedRows(runner: Runner): Promise<Row[]> {
  const rows: Row[] = [];
  let id = 0;
  for (const nodes of [1_000, 10_000, 100_000]) {
    const plans: { method: GeneratedMethod; spec: GeneratedSpec; label: string }[] = [
      { method: 'lcp', spec: { nodes, seed: 1, zeroSum: false }, label: 'random efg, seed 1' },
      { method: 'logit', spec: { nodes, seed: 1, zeroSum: false }, label: 'random efg, seed 1, λ = 1' },
      { method: 'lp', spec: { nodes, seed: 1, zeroSum: true }, label: 'random zero-sum efg, seed 1' },
    ];
    for (const p of plans) {
      await runner.run({ id: id++, type: 'prepare', spec: p.spec }, PREPARE_LIMIT_MS);
      const r = await runner.run(
        { id: id++, type: 'generated', method: p.method, spec: p.spec },
        GENERATED_LIMIT_MS,
      );
      const time = r.timeout
        ? `> ${GENERATED_LIMIT_MS}`
        : r.error
          ? `error: ${r.error.slice(0, 60)}`
          : fmtMs(r.ms);
      rows.push([p.method, p.label, String(nodes), time, '—', '—']);
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 3. Gambit's games, against Gambit's recorded times.

interface OracleRun {
  game: string;
  method: OracleMethod;
  gambitMs: number;
  ms: number;
  status: 'ok' | 'error' | 'timeout' | 'skipped';
  error?: string;
}

function readMetaFile(dir: string): Map<string, { rc: number; secs: number }> {
  const out = new Map<string, { rc: number; secs: number }>();
  const p = join(dir, 'meta.txt');
  if (!existsSync(p)) return out;
  for (const line of readFileSync(p, 'utf8').split('\n')) {
    const m = /^(\S+) rc=(\d+) secs=([\d.]+)/.exec(line.trim());
    if (m) out.set(m[1]!, { rc: Number(m[2]), secs: Number(m[3]) });
  }
  return out;
}

/** Time limit of one run: generous next to Gambit's time, within [2 s, 10 s]. */
function oracleLimitMs(gambitMs: number): number {
  return Math.min(10_000, Math.max(2_000, 50 * gambitMs));
}

async function oracleRuns(
  runner: Runner,
  dir: string,
  opts: Options,
): Promise<{ runs: OracleRun[]; floorMs: number }> {
  const games = readdirSync(dir).sort();
  const runs: OracleRun[] = [];
  let floorMs = Number.POSITIVE_INFINITY;
  let id = 1000;
  const perMethodBudget = (opts.budgetSec * 1000) / opts.methods.length;
  for (const method of opts.methods) {
    let spent = 0;
    for (const game of games) {
      const meta = readMetaFile(join(dir, game));
      for (const v of meta.values()) floorMs = Math.min(floorMs, v.secs * 1000);
      const ref = meta.get(method);
      if (ref?.rc !== 0) continue;
      const gambitMs = ref.secs * 1000;
      const file = join(dir, game, game.endsWith('.efg') ? 'game.efg' : 'game.nfg');
      if (spent > perMethodBudget) {
        runs.push({ game, method, gambitMs, ms: Number.NaN, status: 'skipped' });
        continue;
      }
      const limit = oracleLimitMs(gambitMs);
      const r = await runner.run({ id: id++, type: 'oracle', method, file }, limit);
      spent += r.timeout ? limit : Number.isFinite(r.ms) ? r.ms : 0;
      const status = r.timeout ? 'timeout' : r.error ? 'error' : 'ok';
      runs.push({ game, method, gambitMs, ms: r.ms, status, ...(r.error ? { error: r.error } : {}) });
    }
  }
  return { runs, floorMs };
}

const HEAVY_MS = 50;

function oracleRows(runs: OracleRun[], opts: Options): { rows: Row[]; overall: number } {
  const rows: Row[] = [];
  const allRatios: number[] = [];
  for (const method of opts.methods) {
    const mine = runs.filter((r) => r.method === method);
    const ok = mine.filter((r) => r.status === 'ok');
    const ratios = ok.map((r) => Math.max(r.ms, 1e-3) / r.gambitMs);
    allRatios.push(...ratios);
    const count = (s: OracleRun['status']) => mine.filter((r) => r.status === s).length;
    const notes = [
      count('timeout') ? `${count('timeout')} timeouts` : '',
      count('error') ? `${count('error')} errors` : '',
      count('skipped') ? `${count('skipped')} skipped (budget)` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const total = ok.reduce((a, r) => a + r.ms, 0);
    const gambitTotal = ok.reduce((a, r) => a + r.gambitMs, 0);
    rows.push([
      method,
      `Gambit games: ${ok.length}/${mine.length} run${notes ? ` (${notes})` : ''}`,
      '—',
      `${fmtMs(total)} (Gambit ${fmtMs(gambitTotal)})`,
      '—',
      fmtRatio(geometricMean(ratios)),
    ]);
    // Gambit's small runs are dominated by process start-up; compare the heavier ones separately.
    const heavy = ok.filter((r) => r.gambitMs >= HEAVY_MS);
    if (heavy.length > 0) {
      rows.push([
        method,
        `  of which Gambit took >= ${HEAVY_MS} ms: ${heavy.length}`,
        '—',
        `${fmtMs(heavy.reduce((a, r) => a + r.ms, 0))} (Gambit ${fmtMs(heavy.reduce((a, r) => a + r.gambitMs, 0))})`,
        '—',
        fmtRatio(geometricMean(heavy.map((r) => Math.max(r.ms, 1e-3) / r.gambitMs))),
      ]);
    }
    if (opts.verbose) {
      for (const r of mine) {
        const ratio = r.status === 'ok' ? fmtRatio(Math.max(r.ms, 1e-3) / r.gambitMs) : r.status;
        rows.push([`  ${method}`, r.game, '', fmtMs(r.ms), '', ratio]);
      }
    }
  }
  return { rows, overall: geometricMean(allRatios) };
}

function printErrors(runs: OracleRun[]): void {
  const failed = runs.filter((r) => r.status === 'error' || r.status === 'timeout');
  if (failed.length === 0) return;
  console.log('\nRuns that failed or timed out:');
  for (const r of failed) {
    console.log(
      `  ${r.method} ${r.game}: ${r.status === 'timeout' ? `timeout after ${fmtMs(r.ms)} ms` : r.error}`,
    );
  }
}

async function main(): Promise<void> {
  ensureGc();
  const opts = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const load = loadavg().map((x) => x.toFixed(1));
  console.log(
    `Node ${process.version}, ${cpus().length} CPUs, load average ${load.join(' ')} (times are wall-clock).`,
  );
  const rows: Row[] = [];
  if (opts.tree) rows.push(...treeRows());
  const runner = new Runner();
  try {
    if (opts.generated) rows.push(...(await generatedRows(runner)));
    if (opts.mc) rows.push(...(await monteCarloRows({ root: repoRoot(), draws: opts.mcDraws })));
    if (opts.web)
      rows.push(
        ...(await webLatencyRows({
          root: repoRoot(),
          moves: opts.webMoves,
          draws: opts.webDraws,
          budgetSec: opts.webBudgetSec,
        })),
      );
    const dir = opts.oracleDir ?? resolve(repoRoot(), '../shared/oracle/gambit');
    let footer = '';
    let runs: OracleRun[] = [];
    if (opts.oracle && existsSync(dir)) {
      const o = await oracleRuns(runner, dir, opts);
      runs = o.runs;
      const { rows: orows, overall } = oracleRows(runs, opts);
      rows.push(...orows);
      footer = `Overall geometric mean ratio ours/Gambit: ${fmtRatio(overall)} (Gambit's times are whole-process wall times, at least ${fmtMs(o.floorMs)} ms even for a refused game; ours are parse + solve inside one process, best of two runs under 200 ms).`;
    } else if (opts.oracle) {
      footer = `No Gambit reference at ${dir}: comparison with Gambit skipped.`;
    }
    console.log(`\n${formatTable(HEADER, rows)}\n`);
    if (footer) console.log(footer);
    printErrors(runs);
    console.log(`Benchmark took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await runner.close();
  }
}

await main();
