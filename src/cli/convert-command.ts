// `brink convert FILE --to nfg|efg|json`.
import { readGame, writeEfg, writeNfg } from '../game/gambit-format.js';
import { extensiveToJson, strategicToJson } from '../game/game-json.js';
import { normalToExtensive } from '../game/normal-to-extensive.js';
import { reducedNormalForm } from '../game/reduced-normal-form.js';
import { UsageError } from './errors.js';
import { readUserFile } from './read-file.js';

export function convertText(text: string, file: string, to: string): string {
  const parsed = readGame(text, file);
  switch (to) {
    case 'nfg':
      return writeNfg(parsed.kind === 'nfg' ? parsed.game : reducedNormalForm(parsed.game).game);
    case 'efg':
      return writeEfg(parsed.kind === 'efg' ? parsed.game : normalToExtensive(parsed.game));
    case 'json':
      return `${JSON.stringify(parsed.kind === 'efg' ? extensiveToJson(parsed.game) : strategicToJson(parsed.game), null, 2)}\n`;
    default:
      throw new UsageError(`--to ${to}: expected nfg, efg or json`);
  }
}

export function convertCommand(file: string, opts: { to: string }): void {
  process.stdout.write(convertText(readUserFile(file), file, opts.to));
}
