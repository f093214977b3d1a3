// `brink bargain`: models of coercive bargaining from the command line (docs/cli.md, docs/bargain.md).
//   forecast FILE   Bueno de Mesquita's expected-utility forecast (src/bargain/bdm)
//   range           Fearon's bargaining range (src/bargain/fearon-range.ts)
//   offer           the risk–return trade-off: A's optimal offer against B's unknown cost (src/bargain/risk-return.ts)
import { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import {
  type BdmForecast,
  type BdmOptions,
  DEFAULT_BDM_OPTIONS,
  PORT_BDM_OPTIONS,
  checkActor,
  forecastBdm,
  readActorsText,
} from '../bargain/bdm/index.js';
import { bargainingRange } from '../bargain/fearon-range.js';
import { optimalOffer } from '../bargain/risk-return.js';
import type { Distribution } from '../scenario/distributions.js';
import { toDistribution } from '../scenario/model.js';
import { Parameter } from '../scenario/schema.js';
import { UsageError, runAction } from './errors.js';
import { formatFloat } from './format-number.js';
import { readUserFile } from './read-file.js';

// ---- helpers ------------------------------------------------------------------------------------------

function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly boolean[],
): string {
  const all = [header, ...rows];
  const widths = header.map((_, k) => Math.max(...all.map((r) => r[k]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, k) => (right[k] ? c.padStart(widths[k]!) : c.padEnd(widths[k]!)))
      .join('  ')
      .trimEnd();
  return `${all.map(line).join('\n')}\n`;
}

const f3 = (x: number) => x.toFixed(3);
const f4 = (x: number) => x.toFixed(4);

function parseNumber(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const x = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(x)) throw new UsageError(`${option} ${text}: expected a number`);
  return x;
}

function requireNumber(option: string, text: string | undefined): number {
  const x = parseNumber(option, text);
  if (x === undefined) throw new UsageError(`${option} is required`);
  return x;
}

function choice<T extends string>(
  option: string,
  text: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (text === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(text)) {
    throw new UsageError(`${option} ${text}: expected one of ${allowed.join(', ')}`);
  }
  return text as T;
}

// ---- forecast -----------------------------------------------------------------------------------------

export interface BargainForecastOptions {
  rounds?: string;
  winDenominator?: string;
  winNumerator?: string;
  compromise?: string;
  capitulation?: string;
  allAgree?: string;
  scale?: string;
  port?: boolean;
  json?: boolean;
}

function parseScale(text: string | undefined): [number, number] | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(',');
  const nums = parts.map((t) => (t.trim() === '' ? Number.NaN : Number(t)));
  if (parts.length !== 2 || !nums.every(Number.isFinite) || !(nums[0]! < nums[1]!)) {
    throw new UsageError(`--scale ${text}: expected LO,HI with LO < HI`);
  }
  return [nums[0]!, nums[1]!];
}

/** The model options from the command line: the defaults (or --port), then each explicit option. */
export function forecastOptions(o: BargainForecastOptions): BdmOptions {
  const base = o.port ? PORT_BDM_OPTIONS : DEFAULT_BDM_OPTIONS;
  let rounds = base.rounds;
  if (o.rounds !== undefined) {
    rounds = Number(o.rounds);
    if (!/^\d+$/.test(o.rounds.trim()) || rounds > 10000) {
      throw new UsageError(`--rounds ${o.rounds}: expected an integer from 0 to 10000`);
    }
  }
  return {
    winDenominator:
      choice('--win-denominator', o.winDenominator, ['dyad', 'all-dyads']) ?? base.winDenominator,
    winNumerator: choice('--win-numerator', o.winNumerator, ['net', 'positive']) ?? base.winNumerator,
    compromise: choice('--compromise', o.compromise, ['least-move', 'scholz-code']) ?? base.compromise,
    capitulation: choice('--capitulation', o.capitulation, ['paper', 'never']) ?? base.capitulation,
    allAgree: choice('--all-agree', o.allAgree, ['neutral', 'stop', 'error']) ?? base.allAgree,
    rounds,
    scale: parseScale(o.scale),
  };
}

export function formatForecastText(file: string, f: BdmForecast): string {
  const o = f.options;
  const first = f.rounds[0]!;
  const last = f.rounds[f.rounds.length - 1]!;
  const out: string[] = [];
  out.push(
    `Bueno de Mesquita expected-utility forecast (Scholz, Calbert & Smith 2011): ${file}`,
    `${first.actors.length} actors, scale ${f.scale[0]}–${f.scale[1]}, ${last.round} of ${o.rounds} rounds${f.stoppedEarly ? ' (stopped: every actor has the same security)' : ''}`,
    `options: win probability ${o.winNumerator} votes / ${o.winDenominator}, compromise ${o.compromise}, ` +
      `capitulation ${o.capitulation}, all agree ${o.allAgree}`,
    '',
    "EU_ij: the actor's expected utility of challenging the proposer, EU_ji: the proposer's of challenging",
    'the actor, both as the actor sees them (its risk exponent).',
    '',
    'Round 0',
  );
  out.push(
    `${table(
      ['actor', 'position', 'security', 'risk r'],
      first.actors.map((a) => [a.name, f3(a.position), f4(a.security), f3(a.risk)]),
      [false, true, true, true],
    )}median ${f3(first.median)}, weighted mean ${f3(first.mean)}`,
  );
  for (const r of f.rounds.slice(1)) {
    out.push('', `Round ${r.round}: ${r.offers.length} ${r.offers.length === 1 ? 'move' : 'moves'}`);
    if (r.offers.length > 0) {
      out.push(
        table(
          ['actor', 'accepts', 'proposed by', 'from', 'to', 'EU_ij', 'EU_ji'],
          r.offers.map((x) => [
            x.actor,
            x.kind,
            x.proposer,
            f3(x.from),
            f3(x.to),
            f4(x.euActor),
            f4(x.euProposer),
          ]),
          [false, false, false, true, true, true, true],
        ).trimEnd(),
      );
    }
    out.push(`median ${f3(r.median)}, weighted mean ${f3(r.mean)}`);
  }
  out.push('', 'Positions by round');
  const header = ['actor', ...f.rounds.map((r) => String(r.round))];
  const rows = first.actors.map((a, i) => [a.name, ...f.rounds.map((r) => f3(r.actors[i]!.position))]);
  rows.push(['median', ...f.rounds.map((r) => f3(r.median))]);
  rows.push(['weighted mean', ...f.rounds.map((r) => f3(r.mean))]);
  out.push(
    table(
      header,
      rows,
      header.map((_, k) => k > 0),
    ).trimEnd(),
  );
  out.push(
    '',
    `Forecast (capability × salience weighted median, round ${last.round}): ${formatFloat(f.forecast)}`,
    `Baseline (capability × salience weighted mean, round ${last.round}):   ${formatFloat(f.baseline)}`,
  );
  return `${out.join('\n')}\n`;
}

export function bargainForecastCommand(file: string, o: BargainForecastOptions): void {
  const options = forecastOptions(o);
  const parsed = readActorsText(readUserFile(file), file);
  const scale = options.scale ?? parsed.scale;
  if (scale) {
    parsed.actors.forEach((a, i) => checkActor(a, `${file}:${parsed.lines[i]}: actor ${a.name}`, scale));
  }
  const f = forecastBdm(parsed.actors, { ...options, scale });
  if (o.json) {
    process.stdout.write(`${JSON.stringify({ file, ...f }, null, 2)}\n`);
    return;
  }
  process.stdout.write(formatForecastText(file, f));
}

// ---- range --------------------------------------------------------------------------------------------

export interface BargainRangeOptions {
  p?: string;
  costA?: string;
  costB?: string;
  riskA?: string;
  riskB?: string;
  json?: boolean;
}

export function bargainRangeCommand(o: BargainRangeOptions): void {
  const input = {
    p: requireNumber('--p', o.p),
    costA: requireNumber('--cost-a', o.costA),
    costB: requireNumber('--cost-b', o.costB),
    riskA: parseNumber('--risk-a', o.riskA) ?? 1,
    riskB: parseNumber('--risk-b', o.riskB) ?? 1,
  };
  const r = bargainingRange(input);
  if (o.json) {
    process.stdout.write(`${JSON.stringify({ input, ...r }, null, 2)}\n`);
    return;
  }
  const head =
    `Fearon bargaining range: p = ${formatFloat(input.p)}, c_A = ${formatFloat(input.costA)}, ` +
    `c_B = ${formatFloat(input.costB)}, r_A = ${formatFloat(input.riskA)}, r_B = ${formatFloat(input.riskB)}`;
  const rows = r.empty
    ? [['range', 'empty: no division of the pie is preferred to war by both']]
    : [
        ["A's smallest acceptable share (low)", formatFloat(r.low)],
        ["A's largest share B accepts (high)", formatFloat(r.high)],
        ['width', formatFloat(r.width)],
      ];
  process.stdout.write(`${head}\n\n${table(['', 'share of the pie for A'], rows, [false, true])}`);
}

// ---- offer --------------------------------------------------------------------------------------------

export interface BargainOfferOptions {
  p?: string;
  costA?: string;
  costB?: string;
  json?: boolean;
}

const CLI_SOURCE = { judgement: 'given on the command line' };

/** A distribution as a YAML/JSON flow mapping ({dist: uniform, low: 0, high: 0.3}) or a number. */
export function parseDistribution(option: string, text: string): Distribution {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (e) {
    throw new UsageError(`${option} ${text}: not YAML (${(e as Error).message.split('\n')[0]})`);
  }
  if (typeof value === 'number') value = { value };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(
      `${option} ${text}: expected a number or a mapping like {dist: uniform, low: 0, high: 0.3}`,
    );
  }
  const checked = Parameter.safeParse({ source: CLI_SOURCE, ...(value as object) });
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw new UsageError(`${option} ${text}: ${where}${issue.message}`);
  }
  return toDistribution(checked.data);
}

function describeDistribution(d: Distribution): string {
  const { dist, ...rest } = d as Distribution & Record<string, unknown>;
  const args = Object.entries(rest)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} ${Array.isArray(v) ? `[${v.join(', ')}]` : v}`);
  return `${dist}(${args.join(', ')})`;
}

export function bargainOfferCommand(o: BargainOfferOptions): void {
  const p = requireNumber('--p', o.p);
  const costA = requireNumber('--cost-a', o.costA);
  if (o.costB === undefined) throw new UsageError('--cost-b is required');
  const costB = parseDistribution('--cost-b', o.costB);
  const r = optimalOffer({ p, costA, costB });
  if (o.json) {
    process.stdout.write(`${JSON.stringify({ input: { p, costA, costB }, ...r }, null, 2)}\n`);
    return;
  }
  const head = `Risk–return trade-off: p = ${formatFloat(p)}, c_A = ${formatFloat(costA)}, c_B ~ ${describeDistribution(costB)}`;
  const rows = [
    ["A's optimal share x*", formatFloat(r.offer)],
    ['B is offered 1 − x*', formatFloat(1 - r.offer)],
    ['probability of war', formatFloat(r.warProbability)],
    ["A's expected utility", formatFloat(r.expectedUtility)],
    ['method', r.method],
  ];
  process.stdout.write(`${head}\n\n${table(['', ''], rows, [false, true]).replace(/^\s*\n/, '')}`);
}

// ---- the command ---------------------------------------------------------------------------------------

export function bargainCommand(): Command {
  const bargain = new Command('bargain').description(
    'models of coercive bargaining: BDM forecast, Fearon range, risk–return offer (docs/bargain.md)',
  );
  bargain
    .command('forecast')
    .description("Bueno de Mesquita's expected-utility forecast (Scholz, Calbert & Smith 2011) of one issue")
    .argument('<file>', 'actors: CSV Actor,Capability,Position,Salience or YAML {scale, actors}')
    .option('--rounds <n>', `rounds of offers (default ${DEFAULT_BDM_OPTIONS.rounds})`)
    .option('--win-denominator <d>', 'dyad (default) | all-dyads (Scholz code, the port)')
    .option('--win-numerator <n>', 'net (default; the published figures) | positive (P_ij + P_ji = 1)')
    .option('--compromise <rule>', 'least-move (default) | scholz-code (the port)')
    .option('--capitulation <rule>', 'paper (default) | never (the port)')
    .option('--all-agree <rule>', 'when all securities are equal: neutral (r = 1, default) | stop | error')
    .option(
      '--scale <lo,hi>',
      "the issue's scale (default: the file's, else the smallest and largest position)",
    )
    .option('--port', 'start from the option set that mimics the Python port (docs/bargain.md)')
    .option('--json', 'machine-readable output (docs/cli.md)')
    .action((file, opts) => runAction(() => bargainForecastCommand(file, opts)));
  bargain
    .command('range')
    .description("Fearon's bargaining range: the divisions both states prefer to war")
    .option('--p <p>', 'probability that A wins a war')
    .option('--cost-a <c>', "A's cost of war (share of the pie)")
    .option('--cost-b <c>', "B's cost of war")
    .option('--risk-a <r>', "A's risk exponent (u = x^r; default 1)")
    .option('--risk-b <r>', "B's risk exponent (default 1)")
    .option('--json', 'machine-readable output (docs/cli.md)')
    .action((opts) => runAction(() => bargainRangeCommand(opts)));
  bargain
    .command('offer')
    .description(
      "A's optimal take-it-or-leave-it offer when B's cost of war is unknown (risk–return trade-off)",
    )
    .option('--p <p>', 'probability that A wins a war')
    .option('--cost-a <c>', "A's cost of war (share of the pie)")
    .option(
      '--cost-b <dist>',
      "B's cost: a number or a distribution, e.g. '{dist: uniform, low: 0, high: 0.3}'",
    )
    .option('--json', 'machine-readable output (docs/cli.md)')
    .action((opts) => runAction(() => bargainOfferCommand(opts)));
  return bargain;
}
