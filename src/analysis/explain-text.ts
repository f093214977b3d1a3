// An explanation as text for a terminal: one block per thing the name denotes, a field per line,
// each formula with the path where it is written.
import type { DistributionSummary } from './distribution-summary.js';
import type { EffectInfo, Explanation, SourceInfo, Subject } from './explain.js';
import type { Reach, Use } from './influence.js';
import { formatNumber } from './report/format.js';
import { indentWrap, padEnd, width, wrap } from './report/text-layout.js';

const WIDTH = 100;
const KEY = 13;
/** Where values start: two spaces, then the key column. */
const VALUE_COLUMN = 2 + KEY;

/** A field: its key, then its lines, each wrapped under the value column. */
function field(key: string, values: string[]): string[] {
  const first = `  ${padEnd(key, KEY)}`;
  const rest = ' '.repeat(first.length);
  return values.flatMap((v, i) => {
    const prefix = i === 0 ? first : rest;
    // Lines that fit keep their spacing (aligned columns); only longer ones are wrapped.
    return width(prefix) + width(v) <= WIDTH ? [prefix + v] : indentWrap(v, WIDTH, prefix, rest);
  });
}

export function describeDistributionLine(d: DistributionSummary): string {
  if (!d.interval) return d.text;
  const [lo, hi] = d.interval;
  return `${d.text}: mean ${formatNumber(d.mean)}, 90 % interval [${formatNumber(lo)}, ${formatNumber(hi)}]`;
}

function sourceLine(s: SourceInfo): string {
  switch (s.kind) {
    case 'seed':
      return `seed ${s.seed}: "${s.quote}"${s.note ? ` (${s.note})` : ''}`;
    case 'fact':
      return `fact ${s.fact}${s.note ? ` (${s.note})` : ''}`;
    case 'judgement':
      return `judgement: ${s.reason}`;
  }
}

function useLine(u: Use): string {
  const where = u.stage === undefined ? u.role : `${u.role}, stage ${u.stage}`;
  return `${u.path} (${where}): ${u.formula}`;
}

/**
 * "defender.C_reputation  via incident.happened → face_lost" (or "directly"), the term padded to
 * `w` and a long chain wrapped under itself.
 */
function reachLines(r: Reach, w: number): string[] {
  const between = r.chain.slice(1, -1);
  const text = between.length === 0 ? 'directly' : `via ${between.join(' → ')}`;
  const head = `${padEnd(r.term, w)}  `;
  return wrap(text, Math.max(20, WIDTH - VALUE_COLUMN - width(head))).map(
    (line, i) => (i === 0 ? head : ' '.repeat(width(head))) + line,
  );
}

/** How an effect changes its variable, in words. */
export function effectText(op: EffectInfo['op'], formula: string): string {
  switch (op) {
    case 'add':
      return `+ ${formula}`;
    case 'set':
      return `set to ${formula}`;
    case 'mul':
      return `× ${formula}`;
    case 'max':
      return `at least ${formula}`;
    case 'min':
      return `at most ${formula}`;
  }
}

function effectLine(e: EffectInfo): string {
  const readers =
    e.readBy.length === 0 ? 'read by no payoff term' : `read by ${e.readBy.map((r) => r.term).join(', ')}`;
  return `${e.variable} ${effectText(e.op, e.formula)}; ${readers}`;
}

function usesAndReach(s: Subject): string[] {
  const w = Math.max(0, ...s.reaches.map((r) => width(r.term)));
  return [
    ...field('used in', s.uses.length === 0 ? ['no formula reads it'] : s.uses.map(useLine)),
    ...field(
      'reaches',
      s.reaches.length === 0 ? ['no payoff term'] : s.reaches.flatMap((r) => reachLines(r, w)),
    ),
  ];
}

function sources(list: SourceInfo[]): string[] {
  return list.length === 0 ? [] : field('source', list.map(sourceLine));
}

function subjectLines(s: Subject): string[] {
  switch (s.kind) {
    case 'parameter':
      return [
        `${s.name}: parameter (${s.path})`,
        ...field('value', [describeDistributionLine(s.distribution)]),
        ...(s.unit ? field('unit', [s.unit]) : []),
        ...(s.description ? field('description', [s.description]) : []),
        ...sources(s.sources),
        ...usesAndReach(s),
      ];
    case 'option': {
      const crossed = s.thresholds.map((t) => `${t.name} (rank ${t.rank})`).join(', ');
      return [
        `${s.name}: option of ${s.actor} (${s.path})`,
        ...(s.label !== s.id ? field('label', [s.label]) : []),
        ...(s.description ? field('description', [s.description]) : []),
        ...field('ladder', [`${s.ladder}, rank ${s.rank}${crossed ? `; crosses ${crossed}` : ''}`]),
        ...field('available', [s.available ?? 'always']),
        ...(s.ends ? field('ends', ['the episode']) : []),
        ...field(
          'offered at',
          s.stages.map((st) => (st.when ? `${st.id} (when ${st.when})` : st.id)),
        ),
        ...field('effects', s.effects.length === 0 ? ['none'] : s.effects.map(effectLine)),
        ...sources(s.sources),
        ...usesAndReach(s),
      ];
    }
    case 'chance-outcome':
      return [
        `${s.name}: chance outcome of stage ${s.stage} (${s.path})`,
        ...field('probability', [s.probability]),
        ...(s.when ? field('stage when', [s.when]) : []),
        ...(s.ends ? field('ends', ['the episode']) : []),
        ...field('effects', s.effects.length === 0 ? ['none'] : s.effects.map(effectLine)),
        ...usesAndReach(s),
      ];
    case 'state': {
      const range =
        s.min === undefined && s.max === undefined ? '' : `, range [${s.min ?? '-∞'}, ${s.max ?? '∞'}]`;
      return [
        `${s.name}: outcome-state variable (${s.path})`,
        ...field('initial', [`${s.initial}${range}${s.unit ? `, unit ${s.unit}` : ''}`]),
        ...(s.description ? field('description', [s.description]) : []),
        ...field(
          'changed by',
          s.changedBy.length === 0
            ? ['no effect']
            : s.changedBy.flatMap((c) => [
                `${c.by.join(', ')}: ${effectText(c.op, c.formula)}`,
                `  at ${c.path}`,
              ]),
        ),
        ...usesAndReach(s),
      ];
    }
    case 'formula':
      return [
        `${s.name}: named formula (${s.path})`,
        ...field('definition', [s.formula]),
        ...(s.unit ? field('unit', [s.unit]) : []),
        ...(s.description ? field('description', [s.description]) : []),
        ...field('reads', [s.reads.length === 0 ? 'no names' : s.reads.join(', ')]),
        ...usesAndReach(s),
      ];
    case 'payoff-term':
      return [
        `${s.name}: payoff term of ${s.actor} (${s.path})`,
        ...field(
          'definition',
          s.parts.length === 0
            ? ['not given (0)']
            : s.parts.map((p) => (p.part ? `${p.part}: ${p.formula}` : p.formula)),
        ),
        ...field('reads', [s.reads.length === 0 ? 'no names' : s.reads.join(', ')]),
        ...usesAndReach(s),
      ];
  }
}

export function formatExplanation(e: Explanation): string {
  return `${e.subjects.map((s) => subjectLines(s).join('\n')).join('\n\n')}\n`;
}
