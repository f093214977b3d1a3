// Reading the actors of a Bueno de Mesquita model (Scholz, Calbert & Smith 2011) from a file:
// CSV with the columns Actor,Capability,Position,Salience (the layout of the published EU
// example), or YAML {scale: [lo, hi], actors: [{name, capability, position, salience}]} (or a
// bare list of actors). Errors name the file, the line and the field.
import { LineCounter, type Node, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { BargainInputError } from '../errors.js';
import type { Actor } from './model.js';
import { checkActor } from './validate.js';

export interface ActorFile {
  actors: Actor[];
  /** The line of each actor in the file (1-based). */
  lines: number[];
  /** The scale given in the file (YAML only). */
  scale?: [number, number];
}

const FIELDS = ['capability', 'position', 'salience'] as const;

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((f) => f.trim());
}

function parseNumber(text: string, where: string, field: string): number {
  const x = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(x)) throw new BargainInputError(`${where}: ${field} "${text}" is not a number`);
  return x;
}

function addActor(out: ActorFile, a: Actor, line: number, file: string): void {
  const where = `${file}:${line}: actor ${a.name}`;
  if (!a.name) throw new BargainInputError(`${file}:${line}: the actor's name is empty`);
  const twice = out.actors.findIndex((b) => b.name === a.name);
  if (twice >= 0) {
    throw new BargainInputError(`${where}: name already used on line ${out.lines[twice]}`);
  }
  checkActor(a, where);
  out.actors.push(a);
  out.lines.push(line);
}

/** Actors from CSV text with a header row naming Actor (or Name), Capability, Position, Salience. */
export function parseActorsCsv(text: string, file: string): ActorFile {
  const rows = text
    .split(/\r?\n|\r/)
    .map((l, i) => ({ line: i + 1, text: l }))
    .filter((r) => r.text.trim() !== '' && !r.text.trim().startsWith('#'));
  const header = rows.shift();
  if (!header) throw new BargainInputError(`${file}: no header row (Actor,Capability,Position,Salience)`);
  const cols = splitCsvLine(header.text).map((c) => c.toLowerCase());
  const index = (names: string[], label: string) => {
    const k = cols.findIndex((c) => names.includes(c));
    if (k < 0) throw new BargainInputError(`${file}:${header.line}: missing column ${label}`);
    return k;
  };
  const nameCol = index(['actor', 'name'], 'Actor');
  const col = {
    capability: index(['capability'], 'Capability'),
    position: index(['position'], 'Position'),
    salience: index(['salience'], 'Salience'),
  };
  const out: ActorFile = { actors: [], lines: [] };
  for (const row of rows) {
    const f = splitCsvLine(row.text);
    if (f.length !== cols.length) {
      throw new BargainInputError(`${file}:${row.line}: expected ${cols.length} fields, got ${f.length}`);
    }
    const name = f[nameCol]!;
    const where = `${file}:${row.line}: actor ${name}`;
    const [capability, position, salience] = FIELDS.map((k) => parseNumber(f[col[k]]!, where, k));
    addActor(
      out,
      { name, capability: capability!, position: position!, salience: salience! },
      row.line,
      file,
    );
  }
  if (out.actors.length === 0) throw new BargainInputError(`${file}: no actors`);
  return out;
}

/** Actors from YAML text: a list of {name, capability, position, salience}, or {scale, actors}. */
export function parseActorsYaml(text: string, file: string): ActorFile {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new BargainInputError(`${file}:${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`);
  }
  const lineOf = (n: Node | null | undefined) => (n?.range ? lc.linePos(n.range[0]).line : 1);
  const root = doc.contents;
  let list: Node | null | undefined = root;
  const out: ActorFile = { actors: [], lines: [] };
  if (isMap(root)) {
    for (const pair of root.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value as Node | null;
      if (key === 'actors') list = value;
      else if (key === 'scale') {
        const v = doc.toJS().scale;
        if (!Array.isArray(v) || v.length !== 2 || !v.every((x) => typeof x === 'number')) {
          throw new BargainInputError(`${file}:${lineOf(value)}: scale: expected [lo, hi]`);
        }
        out.scale = [v[0], v[1]];
      } else {
        throw new BargainInputError(
          `${file}:${lineOf(pair.key as Node)}: unknown key ${key} (expected scale, actors)`,
        );
      }
    }
    if (list === root) throw new BargainInputError(`${file}: no actors: key`);
  }
  if (!isSeq(list)) throw new BargainInputError(`${file}:${lineOf(list)}: expected a list of actors`);
  for (const item of list.items) {
    const line = lineOf(item as Node);
    if (!isMap(item))
      throw new BargainInputError(`${file}:${line}: expected {name, capability, position, salience}`);
    const fields: Record<string, { value: unknown; line: number }> = {};
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value).toLowerCase() : '';
      if (!['name', 'actor', ...FIELDS].includes(key)) {
        throw new BargainInputError(`${file}:${lineOf(pair.key as Node)}: unknown field ${key}`);
      }
      const v = pair.value as Node | null;
      fields[key === 'actor' ? 'name' : key] = {
        value: isScalar(v) ? v.value : v?.toJSON(),
        line: lineOf(v),
      };
    }
    const name = String(fields.name?.value ?? '');
    const nums = FIELDS.map((k) => {
      const f = fields[k];
      if (!f) throw new BargainInputError(`${file}:${line}: actor ${name}: missing ${k}`);
      if (typeof f.value !== 'number' || !Number.isFinite(f.value)) {
        throw new BargainInputError(
          `${file}:${f.line}: actor ${name}: ${k} ${JSON.stringify(f.value)} is not a number`,
        );
      }
      return f.value;
    });
    addActor(out, { name, capability: nums[0]!, position: nums[1]!, salience: nums[2]! }, line, file);
  }
  if (out.actors.length === 0) throw new BargainInputError(`${file}: no actors`);
  return out;
}

/** By extension: .csv → CSV, .yaml/.yml/.json → YAML (JSON is YAML). */
export function readActorsText(text: string, file: string): ActorFile {
  return /\.csv$/i.test(file) ? parseActorsCsv(text, file) : parseActorsYaml(text, file);
}
