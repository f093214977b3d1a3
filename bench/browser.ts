// The workbench in a real browser, shared by the end-to-end tests (test/e2e) and the in-browser
// latency benchmark (web-latency.ts): `brink serve` in a child process on a free loopback port with
// its own database, and Debian's Chromium driven by playwright-core (never a downloaded browser:
// scripts/ensure-chromium.sh installs the distribution's package). It lives under bench/ because the
// benchmark runs from dist/ and test/ is not compiled.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Headless, without the sandbox (containers run as root) or the GPU, and silent on the network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-dev-shm-usage',
];

/** Why the browser cannot be driven here (undefined: it can). */
export function browserSkipReason(root: string): string | undefined {
  if (!existsSync(CHROMIUM))
    return `${CHROMIUM} is missing (scripts/ensure-chromium.sh installs Debian's chromium as root)`;
  if (!existsSync(join(root, 'web/dist/index.html')))
    return 'web/dist/index.html is missing (npm run build:web builds the page)';
  if (!existsSync(join(root, 'dist/src/cli/main.js')))
    return 'dist/src/cli/main.js is missing (npm run build builds the server)';
  return undefined;
}

export interface RunningServer {
  /** The page's address, e.g. http://127.0.0.1:40123/ */
  readonly url: string;
  close(): Promise<void>;
}

/** `brink serve --port 0 --db DB` from `root`'s build; resolves once it prints its address. */
export function startServer(root: string, db: string, timeoutMs = 30_000): Promise<RunningServer> {
  const child = spawn(
    process.execPath,
    [join(root, 'dist/src/cli/main.js'), 'serve', '--port', '0', '--db', db],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const close = () => stopChild(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      void close();
      reject(new Error(`brink serve ${why}: ${err.trim() || out.trim()}`));
    };
    const timer = setTimeout(() => fail(`printed no address within ${timeoutMs} ms`), timeoutMs);
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /at (http:\/\/\S+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, close });
      }
    });
    child.once('exit', (code) => fail(`exited with code ${code}`));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A page of the workbench with what went wrong in it: uncaught errors, console errors and CSP violations. */
export interface WatchedPage {
  readonly page: Page;
  /** Problems seen since the last `takeProblems`, forgotten once taken. */
  takeProblems(): string[];
  /** The same, kept. */
  peekProblems(): string[];
}

/** One draw's compute time inside a model worker, and which worker (by creation order). */
export interface WorkerDraw {
  readonly worker: number;
  readonly ms: number;
}

interface WorkerTimes {
  /** Page clock when the last model-worker message arrived, and the draws reported since reset. */
  __brinkWorkers?: { lastAt: number; draws: WorkerDraw[] };
}

/**
 * Notes, before the page's own handler runs, when each model worker's message arrives and the
 * compute time it reports (the record's `ms`, web/src/model/protocol.ts): the benchmark splits a
 * move's latency into the draws and what the page does after them. It changes nothing the page sees.
 */
function timeWorkerMessages(): void {
  const w = window as WorkerTimes;
  const times = { lastAt: Number.NaN, draws: [] as WorkerDraw[] };
  w.__brinkWorkers = times;
  const Native = window.Worker;
  let created = 0;
  window.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      const worker = created++;
      this.addEventListener('message', (e: MessageEvent<{ type?: string; ms?: number }>) => {
        times.lastAt = performance.now();
        if (e.data?.type === 'record' && typeof e.data.ms === 'number')
          times.draws.push({ worker, ms: e.data.ms });
      });
    }
  };
}

interface CspBinding {
  __brinkCspViolation?: (text: string) => void;
}

/**
 * Reports every Content-Security-Policy violation of the page (the browser logs most, not all, as
 * console errors), except a blocked eval: zod probes for it inside a try block (its JIT check) and
 * falls back, and an eval that matters throws an error that is reported anyway.
 */
function reportCspViolations(): void {
  document.addEventListener('securitypolicyviolation', (e) => {
    if (e.blockedURI === 'eval') return;
    (window as CspBinding).__brinkCspViolation?.(
      `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
    );
  });
}

export interface OpenOptions {
  /** Time the model workers' messages (for the benchmark). */
  readonly timeWorkers?: boolean;
}

export async function openWorkbench(
  browser: Browser,
  url: string,
  opts: OpenOptions = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  let problems: string[] = [];
  await context.exposeBinding('__brinkCspViolation', (_source, text: string) => {
    problems.push(`CSP violation: ${text}`);
  });
  await context.addInitScript(reportCspViolations);
  if (opts.timeWorkers) await context.addInitScript(timeWorkerMessages);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') {
      // A failed resource names itself only in the message's location.
      const where = m.text().startsWith('Failed to load resource') ? ` (${m.location().url})` : '';
      problems.push(`console error: ${m.text()}${where}`);
    }
  });
  page.on('crash', () => problems.push('the page crashed'));
  await page.goto(url);
  return {
    page,
    peekProblems: () => [...problems],
    takeProblems() {
      const p = problems;
      problems = [];
      return p;
    },
  };
}

/** The header's run status: running, done or error. */
export function statusState(page: Page): Promise<string | null> {
  return page.getByTestId('status').getAttribute('data-state');
}

/** Waits until the status is done and its text matches `text` (the settings it states). */
export async function waitForStatus(page: Page, text: RegExp, timeoutMs = 120_000): Promise<void> {
  await page.waitForFunction(
    ({ source, flags }) => {
      const el = document.querySelector<HTMLElement>('[data-testid="status"]');
      if (el?.dataset.state === 'error') throw new Error(`the run failed: ${el.textContent}`);
      return el?.dataset.state === 'done' && new RegExp(source, flags).test(el.textContent ?? '');
    },
    { source: text.source, flags: text.flags },
    { timeout: timeoutMs, polling: 100 },
  );
}

interface RunWatch {
  __brinkRun?: Promise<number>;
}

/**
 * Watches the header's status for the next run: from done, to running, and back to done. The promise
 * (kept in the page) resolves with the page's clock when it is done again, and rejects when the run
 * ends in another state or when none starts and ends within `timeoutMs`.
 */
async function watchNextRun(page: Page, timeoutMs: number): Promise<void> {
  await page.evaluate((timeoutMs) => {
    const status = document.querySelector<HTMLElement>('[data-testid="status"]');
    if (!status) throw new Error('the page has no status');
    if (status.dataset.state !== 'done') throw new Error(`the status is ${status.dataset.state}, not done`);
    const run = new Promise<number>((resolve, reject) => {
      let started = false;
      const observer = new MutationObserver(() => {
        const state = status.dataset.state;
        if (state === 'running') started = true;
        else if (started) {
          const now = performance.now();
          observer.disconnect();
          clearTimeout(timer);
          if (state === 'done') resolve(now);
          else reject(new Error(`the run ended in state ${state}: ${status.textContent}`));
        }
      });
      observer.observe(status, { attributes: true, attributeFilter: ['data-state'] });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`no run started and ended within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    run.catch(() => undefined); // awaited by nextRunDone; never an unhandled rejection
    (window as RunWatch).__brinkRun = run;
  }, timeoutMs);
}

/** The page's clock when the watched run was done. */
function nextRunDone(page: Page): Promise<number> {
  return page.evaluate(() => (window as RunWatch).__brinkRun!);
}

/** Does `act` (with the status done) and waits for the run it starts to be done. */
export async function afterRun(page: Page, act: () => Promise<void>, timeoutMs = 120_000): Promise<void> {
  await watchNextRun(page, timeoutMs);
  await act();
  await nextRunDone(page);
}

export interface MoveTiming {
  /** From the input event to the run status being done, ms (page clock). */
  readonly totalMs: number;
  /** From the input event to the last model-worker message, ms (NaN unless the page times its workers). */
  readonly drawsMs: number;
  /** The run's draws as the workers report them, in arrival order (empty unless timed). */
  readonly draws: readonly WorkerDraw[];
}

/**
 * Sets a number input to `value` as a user does when they type it and leave the box (an input
 * event, then change) with the status done, and times the run it starts: from the event to the
 * status done again (the draws computed, the analysis aggregated and the page rendered).
 */
export async function setAndTime(
  page: Page,
  testId: string,
  value: string,
  timeoutMs = 120_000,
): Promise<MoveTiming> {
  await watchNextRun(page, timeoutMs);
  const t0 = await page.evaluate(
    ({ testId, value }) => {
      const input = document.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
      if (!input) throw new Error(`no element ${testId}`);
      const timed = (window as WorkerTimes).__brinkWorkers;
      if (timed) timed.draws = [];
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return t0;
    },
    { testId, value },
  );
  const done = await nextRunDone(page);
  const workers = await page.evaluate(() => (window as WorkerTimes).__brinkWorkers);
  return {
    totalMs: done - t0,
    drawsMs: workers && workers.lastAt > t0 ? workers.lastAt - t0 : Number.NaN,
    draws: workers?.draws ?? [],
  };
}
