import { describe, expect, it } from 'vitest';
import { readEfg, readNfg } from './gambit-format.js';
import { extensiveToJson, strategicToJson } from './game-json.js';

describe('game JSON', () => {
  it('writes an extensive game with exact numbers as strings', () => {
    const g = readEfg(
      'EFG 2 R "t" { "A" } ""\nc "" 1 "" { "h" 1/3 "t" 2/3 } 0\nt "" 1 "w" { 1.5 }\nt "" 0\n',
    );
    const j = extensiveToJson(g);
    expect(j.infosets[0]).toEqual({
      player: 'chance',
      label: '',
      actions: ['h', 't'],
      probs: ['1/3', '2/3'],
    });
    expect(j.nodes[0]).toEqual({ kind: 'chance', label: '', infoset: 0, children: [1, 2] });
    expect(j.nodes[1]).toEqual({ kind: 'terminal', label: '', outcome: 0 });
    expect(j.outcomes[0]!.payoffs).toEqual(['3/2']);
  });
  it('writes a strategic game profile by profile', () => {
    const j = strategicToJson(readNfg('NFG 1 R "t" { "A" "B" } { 2 1 }\n1 2 3 4\n'));
    expect(j.payoffs).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });
});
