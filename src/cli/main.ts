#!/usr/bin/env node
// The `brink` command.
import { Command } from 'commander';
import { registerBargainFunctions } from '../bargain/formula-functions.js';
import { registerEconFunctions } from '../econ/formula-functions.js';
import { analyzeCommand } from './analyze-command.js';
import { backtestCommand } from './backtest-command.js';
import { bargainCommand } from './bargain-command.js';
import { compareCommand } from './compare-command.js';
import { convertCommand } from './convert-command.js';
import { runAction } from './errors.js';
import { assessCommand } from './evidence-assess-command.js';
import { evidenceCommand } from './evidence-command.js';
import { explainCommand } from './explain-command.js';
import { mergeCommand } from './merge-command.js';
import { oilCommandDefinition } from './oil-command.js';
import { runsCommand } from './runs-cli.js';
import { registerSensitivityRerun, sensitivityCommand } from './sensitivity-command.js';
import { serveCommand } from './serve-command.js';
import { solveCommand } from './solve-command.js';

export function buildProgram(): Command {
  registerBargainFunctions();
  registerEconFunctions();
  registerSensitivityRerun();
  const program = new Command();
  program
    .name('brink')
    .description('Model crises of coercive bargaining between states: games, equilibria, costs and markets')
    .exitOverride((err) => {
      process.exit(err.exitCode === 0 ? 0 : 2);
    });

  program
    .command('analyze')
    .description(
      'analyse a crisis scenario: draws, equilibria, outcomes, costs and the seed questions (docs/analyze.md)',
    )
    .argument('[scenario]', 'scenario YAML (default: the bundled US–Iran 2026 scenario)')
    .option('--seed <n>', "random seed (default: the scenario's)")
    .option('--draws <n>', "number of parameter draws (default: the scenario's)")
    .option(
      '--sampling <method>',
      'random (independent draws) | lhs (Latin hypercube over the run)',
      'random',
    )
    .option('--workers <n>', 'worker threads (default: one per core); results do not depend on it')
    .option('--shard <k/n>', 'compute only block k of n of the draws and write a shard file for brink merge')
    .option(
      '--sweep',
      'headline figures only, from mergeable summaries: any number of draws in bounded memory; with --shard writes a small sweep shard (docs/monte-carlo.md)',
    )
    .option('--format <format>', 'text | md | html | json | csv (one row per draw and game)', 'text')
    .option('-o, --out <file>', 'write the report (or shard) to a file instead of stdout; .gz compresses')
    .option('-q, --quiet', 'no progress messages')
    .option('--db <file>', 'run store to save the run in (default: $BRINK_DB or the user data directory)')
    .option('--no-save', 'do not save the run in the run store')
    .option(
      '--sensitivity',
      'append the tornado and Sobol indices of the headline outcomes (docs/sensitivity.md)',
    )
    .option('--sobol-n <n>', 'Saltelli base sample for --sensitivity (default 64)')
    .option(
      '--evidence',
      "priors of the scenario's types from the evidence log's posteriors (docs/evidence.md)",
    )
    .option('--as-of <date>', 'with --evidence: only reports received on or before this date (YYYY-MM-DD)')
    .option(
      '--set <name=value>',
      'what-if: hold a parameter at a value instead of drawing it (repeatable; the other parameters keep their draws)',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .action((scenario, opts) => runAction(() => analyzeCommand(scenario, opts)));

  program
    .command('merge')
    .description('merge the shard files of one run (brink analyze [--sweep] --shard k/n) into its report')
    .argument('<shards...>', 'shard files (.json or .json.gz), in any order')
    .option('--format <format>', 'text | md | html | json | csv', 'text')
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .option('-q, --quiet', 'no messages on stderr')
    .option(
      '--db <file>',
      'run store to save the merged run in (default: $BRINK_DB or the user data directory)',
    )
    .option('--no-save', 'do not save the merged run in the run store')
    .action((files, opts) => runAction(() => mergeCommand(files, opts)));

  program
    .command('compare')
    .description('compare scenario policies on the same parameter draws (common random numbers; docs/cli.md)')
    .argument('[scenario]', 'scenario YAML (default: the bundled US–Iran 2026 scenario)')
    .option(
      '-p, --policy <name>',
      'a scenario policy, or baseline; repeat to compare several (one alone is compared with the baseline)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--seed <n>', "random seed (default: the scenario's)")
    .option('--draws <n>', "number of parameter draws (default: the scenario's)")
    .option('--lambda <x>', "logit QRE λ (default: the scenario's)")
    .option('--workers <n>', 'worker threads (default: one per core); results do not depend on it')
    .option('--format <format>', 'text | md | html | json | csv', 'text')
    .option('-o, --out <file>', 'write the output to a file instead of stdout')
    .option('-q, --quiet', 'no progress messages')
    .option(
      '--db <file>',
      'run store to save the comparison in (default: $BRINK_DB or the user data directory)',
    )
    .option('--no-save', 'do not save the comparison in the run store')
    .action((scenario, opts) => runAction(() => compareCommand(scenario, opts)));

  program
    .command('sensitivity')
    .description(
      "how the baseline's P(war), P(Hormuz disruption) and P(deal) respond to the parameters: tornado, Sobol indices, flip thresholds (docs/sensitivity.md)",
    )
    .argument('[scenario]', 'scenario YAML (default: the bundled US–Iran 2026 scenario)')
    .option('--sobol-n <n>', 'Sobol base sample size N: N(k + 2) solves; 0 skips the Sobol indices', '64')
    .option('--factors <a,b,c>', 'the Sobol factors by name (default: the widest tornado swings)')
    .option('--top <k>', 'Sobol factors taken from the tornado (default 6)')
    .option('--threshold <param>', 'scan this parameter for switches of the modal option of --stage')
    .option('--stage <stage>', 'the stage (or private type) whose modal option --threshold watches')
    .option('--range <lo,hi>', "the interval --threshold scans (default: the parameter's 1 %–99 % quantiles)")
    .option('--points <n>', 'grid points of the --threshold scan before bisection (default 41)')
    .option('--seed <n>', "seed of the Sobol design and bootstrap (default: the scenario's)")
    .option('--lambda <x>', "logit QRE λ (default: the scenario's)")
    .option('--workers <n>', 'worker threads (default: one per core); results do not depend on it')
    .option('--format <format>', 'text | md | html | json', 'text')
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .option('-q, --quiet', 'no progress messages')
    .option('--between <a,b>', 'with --threshold: compare only these options of the stage')
    .option('--db <file>', 'run store to save the run in (default: $BRINK_DB or the user data directory)')
    .option('--no-save', 'do not save the run in the run store')
    .action((scenario, opts) => runAction(() => sensitivityCommand(scenario, opts)));

  program
    .command('backtest')
    .description(
      'score the model on historical episodes: Brier and log scores against base-rate and uniform forecasts (docs/backtest.md)',
    )
    .argument('[episodes...]', 'episode files or directories of them (default: the bundled episodes/)')
    .option('--seed <n>', 'random seed of the parameter draws (default 1)')
    .option('--draws <n>', 'parameter draws per episode (default 200)')
    .option('--format <format>', 'text | md | html | json (default text)')
    .option('--json', 'the same as --format json')
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .action((episodes, opts) => runAction(() => backtestCommand(episodes, opts)));

  program
    .command('solve')
    .description('solve a Gambit .efg/.nfg game and print its equilibria as Gambit does')
    .argument('<file>', 'game file (.efg or .nfg)')
    .option('-m, --method <method>', 'spe | pure | enummixed | lcp | lp | logit', 'lcp')
    .option(
      '-l, --lambda <lambda>',
      'logit: the QRE at this λ (default: the end point of the principal branch)',
    )
    .option('--json', 'machine-readable output (docs/cli.md)')
    .action((file, opts) => runAction(() => solveCommand(file, opts)));

  program
    .command('convert')
    .description('convert a game between Gambit .efg, .nfg (reduced strategic form) and JSON')
    .argument('<file>', 'game file (.efg or .nfg)')
    .requiredOption('--to <format>', 'nfg | efg | json')
    .action((file, opts) => runAction(() => convertCommand(file, opts)));

  program
    .command('explain')
    .description('show where a parameter, option, state variable or formula comes from and what it reaches')
    .argument(
      '<name>',
      'a parameter, option (id or stage.option), state variable, named formula or payoff term',
    )
    .option('-s, --scenario <file>', 'scenario file (default: the bundled US–Iran 2026 scenario)')
    .option('--format <format>', 'text | json', 'text')
    .action((name, opts) => runAction(() => explainCommand(name, opts)));

  program
    .command('serve')
    .description(
      'the local workbench server: the web page, the run store and the evidence log on loopback (docs/api.md)',
    )
    .argument('[scenario]', 'scenario YAML (default: the bundled US–Iran 2026 scenario)')
    .option('--port <n>', 'port (0: any free port)', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--db <file>', 'the run database (default: $BRINK_DB, else the user data directory)')
    .action((scenario, opts) => runAction(() => serveCommand(scenario, opts)));

  program.addCommand(runsCommand());
  program.addCommand(bargainCommand());
  program.addCommand(oilCommandDefinition());
  program.addCommand(evidenceCommand());
  // Issue 7 names it `brink assess`; `brink evidence assess` is the same command beside the log's.
  program.addCommand(assessCommand());

  exitTwoOnUsageErrors(program);
  return program;
}

/**
 * Commander exits 1 on a usage error (unknown option, missing argument); Brink's convention is 2 for
 * anything wrong in the user's input. Subcommands do not inherit the override, so it is set on each.
 */
function exitTwoOnUsageErrors(command: Command): void {
  command.exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : 2);
  });
  for (const sub of command.commands) exitTwoOnUsageErrors(sub);
}

await buildProgram().parseAsync(process.argv);
