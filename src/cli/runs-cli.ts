// The `brink runs` command and its subcommands (registered by main.ts; bodies in runs-command.ts).
import { Command } from 'commander';
import { runAction } from './errors.js';
import { runsDiffCommand, runsListCommand, runsRerunCommand, runsShowCommand } from './runs-command.js';

const DB_HELP = 'the run database (default: $BRINK_DB, else $XDG_DATA_HOME/brink/brink.db)';

export function runsCommand(): Command {
  const runs = new Command('runs').description(
    'list, show, rerun and compare the saved runs (the run store, docs/cli.md)',
  );
  runs
    .command('list')
    .description('the saved runs, newest first')
    .option('--db <file>', DB_HELP)
    .option('--limit <n>', 'at most this many runs', '20')
    .option('--kind <kind>', 'only runs of this kind (analyze, compare, sensitivity)')
    .option('--json', 'machine-readable output')
    .action((opts) => runAction(() => runsListCommand(opts)));
  runs
    .command('show')
    .description('a saved run: its settings and results (for analyze, the report rebuilt from them)')
    .argument('<id>', 'run id (r0012, r12, 12), latest or latest~N')
    .option('--db <file>', DB_HELP)
    .option('--format <format>', 'only the report, as text | md | html | json')
    .option('--json', 'the whole stored run as JSON')
    .action((id, opts) => runAction(() => runsShowCommand(id, opts)));
  runs
    .command('rerun')
    .description(
      'run a saved run again from its stored scenario text, seed and options; exit 1 if it differs',
    )
    .argument('<id>', 'run id, latest or latest~N')
    .option('--db <file>', DB_HELP)
    .option('--limit <n>', 'list at most this many differing values', '20')
    .option('--json', 'machine-readable output')
    .option('-q, --quiet', 'no progress messages')
    .action((id, opts) => runAction(() => runsRerunCommand(id, opts)));
  runs
    .command('diff')
    .description('what differs between two saved runs: settings, scenario text and results')
    .argument('<id1>', 'the older run')
    .argument('<id2>', 'the newer run')
    .option('--db <file>', DB_HELP)
    .option('--limit <n>', 'list at most this many differing result values', '20')
    .option('--json', 'machine-readable output')
    .action((a, b, opts) => runAction(() => runsDiffCommand(a, b, opts)));
  return runs;
}
