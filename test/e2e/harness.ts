// The end-to-end tests' harness: the built server (`brink serve`) with a scratch database and the
// built page in Debian's Chromium, through the launcher the benchmark shares (bench/browser.ts).
// It builds nothing: `npm test` builds dist/ and web/dist/ first (pretest). Every page error and
// console error (a CSP violation is one) fails the test that produced it. The suites skip, saying
// why, when Chromium or a build is missing.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import {
  type RunningServer,
  browserSkipReason,
  launchChromium,
  openWorkbench,
  startServer,
} from '../../bench/browser.js';
import { BIN, ROOT } from '../support/brink-cli.js';

export { afterRun, setAndTime, statusState, waitForStatus } from '../../bench/browser.js';

/** Why the browser suites skip here (undefined: they run). */
export const SKIP_REASON = browserSkipReason(ROOT);
if (SKIP_REASON) console.warn(`end-to-end browser tests skipped: ${SKIP_REASON}`);

/** Where the screenshots go (git-ignored). */
export const SCREENSHOT_DIR = join(ROOT, 'test-output/screenshots');

export interface Session {
  readonly page: Page;
  readonly browser: Browser;
  readonly server: RunningServer;
  /** The server's run database, for the CLI to read the same evidence. */
  readonly db: string;
  /** Page and console errors since the last call. */
  takeProblems(): string[];
  peekProblems(): string[];
  close(): Promise<void>;
}

/** A scratch folder with the path of a run database in it (not yet created). */
export function scratchDb(): { db: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'brink-e2e-'));
  return { db: join(dir, 'brink.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A server on the database `db` and the page loaded in a new browser. */
export async function openSession(db: string): Promise<Session> {
  const server = await startServer(ROOT, db);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const { page, takeProblems, peekProblems } = await openWorkbench(browser, server.url);
    const b = browser;
    return {
      page,
      browser: b,
      server,
      db,
      takeProblems,
      peekProblems,
      async close() {
        await b.close();
        await server.close();
      },
    };
  } catch (e) {
    await browser?.close();
    await server.close();
    throw e;
  }
}

const run = promisify(execFile);

/** `brink ARGS...` from the build, in a child process (asynchronous, so the browser keeps working). */
export async function brinkJson(...args: string[]): Promise<unknown> {
  const { stdout } = await run(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    maxBuffer: 1 << 28,
  });
  return JSON.parse(stdout);
}

/** A number attribute of the element with this test id (data-value by default). */
export async function numberOf(page: Page, testId: string, attribute = 'data-value'): Promise<number> {
  const text = await page.getByTestId(testId).getAttribute(attribute, { timeout: 10_000 });
  if (text === null) throw new Error(`${testId} has no ${attribute}`);
  return Number(text);
}

/** Sets a form field, whether it is an input, a text area or a select. */
export async function setField(page: Page, testId: string, value: string): Promise<void> {
  const field = page.getByTestId(testId);
  const tag = await field.evaluate((el) => el.tagName);
  if (tag === 'SELECT') await field.selectOption(value);
  else await field.fill(value);
}

export function ensureScreenshotDir(): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return SCREENSHOT_DIR;
}
