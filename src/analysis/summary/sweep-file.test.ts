import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SweepSummary, sweepLayout } from '../sweep.js';
import { isSweepShardFile, openSweepFile, readSweepFile, sweepFileText } from './sweep-file.js';

const dir = mkdtempSync(join(tmpdir(), 'brink-sweep-file-'));

function summary(): SweepSummary {
  const s = new SweepSummary(
    {
      version: 't',
      scenarioFile: 'f',
      scenarioLabel: 'f',
      scenarioHash: 'h',
      title: 'T',
      scenarioId: 'x',
      seed: 1,
      lambda: 10,
      draws: 3,
      sampling: 'random',
      fixed: {},
    },
    sweepLayout(['us'], ['baseline']),
  );
  const width = s.names.length;
  for (let d = 0; d < 3; d++)
    s.addDraw(
      d,
      Array.from({ length: width }, (_, i) => (i + 1) * (d + 0.5)),
    );
  return s;
}

describe('sweep shard files', () => {
  it('writes plain and gzipped files (NAME.partial until complete) and reads them back exactly', () => {
    const s = summary();
    for (const name of ['a.json', 'a.json.gz']) {
      const path = join(dir, name);
      const file = openSweepFile(path);
      expect(existsSync(`${path}.partial`)).toBe(true);
      file.write(s);
      expect(existsSync(`${path}.partial`)).toBe(false);
      expect(isSweepShardFile(path)).toBe(true);
      expect(sweepFileText(readSweepFile(path))).toBe(sweepFileText(s));
    }
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe(sweepFileText(s));
  });

  it('tells other files apart and names the problem', () => {
    const full = join(dir, 'full.json.gz');
    writeFileSync(full, gzipSync('{"format":"brink-shard","formatVersion":2}\n'));
    expect(isSweepShardFile(full)).toBe(false);
    expect(isSweepShardFile(join(dir, 'missing.json'))).toBe(false);
    expect(() => readSweepFile(join(dir, 'missing.json'))).toThrow(/missing\.json: no such file/);
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, sweepFileText(summary()).slice(0, 200));
    expect(isSweepShardFile(cut)).toBe(true);
    expect(() => readSweepFile(cut)).toThrow(/cut\.json: not a sweep shard file \(invalid JSON/);
    const edited = join(dir, 'edited.json');
    const json = JSON.parse(sweepFileText(summary()));
    json.figures[0].nan = 5;
    writeFileSync(edited, JSON.stringify(json));
    expect(() => readSweepFile(edited)).toThrow(/edited\.json: field 'figures\[0\]': expected 3 draws/);
    expect(() => openSweepFile(join(dir, 'no-such-dir', 'x.json'))).toThrow(/cannot write \(ENOENT\)/);
  });
});
