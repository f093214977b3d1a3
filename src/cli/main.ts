#!/usr/bin/env node
// The `brink` command.
import { Command } from 'commander';
import { convertCommand } from './convert-command.js';
import { runAction } from './errors.js';
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
    .command('solve')
    .description('solve a Gambit .efg/.nfg game and print its equilibria as Gambit does')
    .argument('<file>', 'game file (.efg or .nfg)')
    .option('-m, --method <method>', 'spe | pure | enummixed | lcp | lp | logit', 'lcp')
    .option('-l, --lambda <lambda>', 'logit: the QRE at this λ (default: the end point of the principal branch)')
    .option('--json', 'machine-readable output (docs/cli.md)')
    .action((file, opts) => runAction(() => solveCommand(file, opts)));

  program
    .command('convert')
    .description('convert a game between Gambit .efg, .nfg (reduced strategic form) and JSON')
    .argument('<file>', 'game file (.efg or .nfg)')
    .requiredOption('--to <format>', 'nfg | efg | json')
    .action((file, opts) => runAction(() => convertCommand(file, opts)));

  return program;
}

await buildProgram().parseAsync(process.argv);
