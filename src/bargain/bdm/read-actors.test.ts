import { describe, expect, it } from 'vitest';
import { parseActorsCsv, parseActorsYaml, readActorsText } from './read-actors.js';

const CSV = `Actor,Capability,Position,Salience
Netherlands,0.08,4,0.8
"Belgium",0.08,7,0.4

# a comment
Luxembourg, 0.03 ,4,0.2
`;

describe('parseActorsCsv', () => {
  it('reads the oracle layout, with quotes, blank lines and comments, and records each line', () => {
    const f = parseActorsCsv(CSV, 'eu.csv');
    expect(f.actors).toEqual([
      { name: 'Netherlands', capability: 0.08, position: 4, salience: 0.8 },
      { name: 'Belgium', capability: 0.08, position: 7, salience: 0.4 },
      { name: 'Luxembourg', capability: 0.03, position: 4, salience: 0.2 },
    ]);
    expect(f.lines).toEqual([2, 3, 6]);
    // Columns in any order, Name for Actor, CRLF line ends.
    const g = parseActorsCsv('salience,position,name,capability\r\n1,3,X,2\r\n', 'x.csv');
    expect(g.actors).toEqual([{ name: 'X', capability: 2, position: 3, salience: 1 }]);
  });

  it('errors name the file, the line and the field', () => {
    expect(() => parseActorsCsv(CSV.replace('7,0.4', '7,1.4'), 'eu.csv')).toThrow(
      'eu.csv:3: actor Belgium: salience 1.4 must be in [0, 1]',
    );
    expect(() => parseActorsCsv(CSV.replace('0.03', '-0.03'), 'eu.csv')).toThrow(
      'eu.csv:6: actor Luxembourg: capability -0.03 must be a number ≥ 0',
    );
    expect(() => parseActorsCsv(CSV.replace('7,0.4', 'seven,0.4'), 'eu.csv')).toThrow(
      'eu.csv:3: actor Belgium: position "seven" is not a number',
    );
    expect(() => parseActorsCsv(CSV.replace('7,0.4', '7'), 'eu.csv')).toThrow(
      'eu.csv:3: expected 4 fields, got 3',
    );
    expect(() => parseActorsCsv(CSV.replace('Luxembourg', 'Netherlands'), 'eu.csv')).toThrow(
      'eu.csv:6: actor Netherlands: name already used on line 2',
    );
    expect(() => parseActorsCsv('Actor,Capability,Position\nA,1,2\n', 'eu.csv')).toThrow(
      'eu.csv:1: missing column Salience',
    );
  });
});

describe('parseActorsYaml', () => {
  const YAML = `scale: [0, 10]
actors:
  - {name: A, capability: 1, position: 2, salience: 0.5}
  - name: B
    capability: 2
    position: 8
    salience: 0.9
`;
  it('reads {scale, actors} or a bare list (JSON too)', () => {
    const f = parseActorsYaml(YAML, 'a.yaml');
    expect(f.scale).toEqual([0, 10]);
    expect(f.actors.map((a) => a.name)).toEqual(['A', 'B']);
    expect(f.lines).toEqual([3, 4]);
    const g = readActorsText('[{"name": "A", "capability": 1, "position": 2, "salience": 0.5}]', 'a.json');
    expect(g.actors).toEqual([{ name: 'A', capability: 1, position: 2, salience: 0.5 }]);
  });

  it('errors name the file, the line and the field', () => {
    expect(() => parseActorsYaml(YAML.replace('salience: 0.9', 'salience: 9'), 'a.yaml')).toThrow(
      'a.yaml:4: actor B: salience 9 must be in [0, 1]',
    );
    expect(() => parseActorsYaml(YAML.replace('position: 8', 'position: eight'), 'a.yaml')).toThrow(
      'a.yaml:6: actor B: position "eight" is not a number',
    );
    expect(() => parseActorsYaml(YAML.replace('capability: 2', 'power: 2'), 'a.yaml')).toThrow(
      'a.yaml:5: unknown field power',
    );
    expect(() => parseActorsYaml(YAML.replace('[0, 10]', '[0]'), 'a.yaml')).toThrow(
      'a.yaml:1: scale: expected [lo, hi]',
    );
  });
});
