// Access to ../shared/oracle/gambit (games with Gambit's own outputs) for tests.
// A user's clone has no ../shared: tests built on these helpers say so and skip.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import { type Fraction, parseExact } from '../../src/game/num.js';

const here = dirname(fileURLToPath(import.meta.url));
export const SHARED_DIR = resolve(here, '../../../shared');
export const ORACLE_DIR = join(SHARED_DIR, 'oracle', 'gambit');
export const oracleAvailable = existsSync(ORACLE_DIR);
export const sharedAvailable = existsSync(SHARED_DIR);

if (!oracleAvailable) {
  console.warn(
    `[brink tests] ${ORACLE_DIR} not found: tests against Gambit's reference outputs are skipped.`,
  );
}

/** `describe` that skips (and says why, once) when ../shared/oracle is absent. */
export const describeOracle: typeof describe = (
  oracleAvailable ? describe : describe.skip
) as typeof describe;

export interface OracleGame {
  /** Folder name, e.g. contrib__games__e04.nfg */
  name: string;
  dir: string;
  kind: 'efg' | 'nfg';
  /** Path of game.efg or game.nfg */
  gamePath: string;
}

export function listOracleGames(): OracleGame[] {
  if (!oracleAvailable) return [];
  return readdirSync(ORACLE_DIR)
    .sort()
    .map((name) => {
      const dir = join(ORACLE_DIR, name);
      const kind = name.endsWith('.efg') ? 'efg' : 'nfg';
      return { name, dir, kind, gamePath: join(dir, `game.${kind}`) } as OracleGame;
    });
}

export function readGameText(g: OracleGame): string {
  return readFileSync(g.gamePath, 'utf8');
}

/** The text of one output file, or undefined when it does not exist. */
export function readOracleOutput(g: OracleGame, file: string): string | undefined {
  const p = join(g.dir, file);
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
}

/** Exit codes and seconds per method from meta.txt, e.g. { lcp: { rc: 0, secs: 0.01 } }. */
export function readMeta(g: OracleGame): Record<string, { rc: number; secs: number }> {
  const text = readOracleOutput(g, 'meta.txt') ?? '';
  const out: Record<string, { rc: number; secs: number }> = {};
  for (const line of text.split('\n')) {
    const m = /^(\S+) rc=(\d+) secs=([\d.]+)/.exec(line.trim());
    if (m) out[m[1]!] = { rc: Number(m[2]), secs: Number(m[3]) };
  }
  return out;
}

/** Did the method finish normally (rc=0) so that its output is a reference? */
export function hasReference(g: OracleGame, method: string): boolean {
  return readMeta(g)[method]?.rc === 0;
}

/** The `NE,` lines of an output as lists of numbers (exact where written exactly). */
export function parseNeLines(text: string | undefined): Fraction[][] {
  if (!text) return [];
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('NE,'))
    .map((l) =>
      l
        .slice(3)
        .split(',')
        .map((t) => {
          const f = parseExact(t.trim());
          if (!f) throw new Error(`bad number ${t} in oracle line ${l}`);
          return f;
        }),
    );
}

/** The logit_l1.out line: lambda and the profile as floats. */
export function parseLogitLine(text: string | undefined): { lambda: number; profile: number[] } | undefined {
  const line = text
    ?.split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .pop();
  if (!line) return undefined;
  const nums = line
    .replace(/^NE,/, '')
    .split(',')
    .map((t) => Number(t));
  return { lambda: nums[0]!, profile: nums.slice(1) };
}
