#!/usr/bin/env node
// The `brink` command.
import { Command } from 'commander';
import { analyzeCommand } from './analyze-command.js';
import { convertCommand } from './convert-command.js';
import { runAction } from './errors.js';
import { explainCommand } from './explain-command.js';
import { solveCommand } from './solve-command.js';

export function buildProgram(): Command {
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
    .option('--format <format>', 'text | md | html | json', 'text')
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .option('-q, --quiet', 'no progress messages')
    .action((scenario, opts) => runAction(() => analyzeCommand(scenario, opts)));

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

  return program;
}

await buildProgram().parseAsync(process.argv);
