// A report as plain text for a terminal of 100 columns: numbered sections, aligned figures and
// tables, block-character charts, and after every figure the trace of where it comes from.
import type { Block, ReportDocument, Section } from './document.js';
import { formatCell, formatInterval, formatValue } from './format.js';
import { textBarChart, textLineChart, textTornadoChart } from './text-charts.js';
import { type Align, alignTable, indentWrap, padEnd, width, wrap } from './text-layout.js';

export const TEXT_WIDTH = 100;
/** Figure labels longer than this are not padded: they push their value along instead. */
const MAX_FIGURE_LABEL = 40;
const TRACE_PREFIX = '  from ';

type Figure = Extract<Block, { kind: 'figure' }>;
type Table = Extract<Block, { kind: 'table' }>;

function underline(title: string, char: string): string[] {
  const lines = wrap(title, TEXT_WIDTH);
  return [...lines, char.repeat(Math.max(...lines.map(width)))];
}

function provenanceLines(p: ReportDocument['provenance']): string[] {
  const keys = Object.keys(p);
  if (keys.length === 0) return [];
  const w = Math.max(...keys.map(width));
  // Values exactly as given (seeds and counts must not be rounded): they are for reproducing the run.
  return keys.flatMap((k) => indentWrap(String(p[k]), TEXT_WIDTH, `${padEnd(k, w)}  `));
}

function traceLines(trace: string): string[] {
  return indentWrap(trace, TEXT_WIDTH, TRACE_PREFIX);
}

function figureLines(f: Figure, labelW: number): string[] {
  const value = formatValue(f.value, f.format);
  const interval = f.interval ? `  ${formatInterval(f.interval, f.format)}` : '';
  const label = width(f.label) <= labelW ? padEnd(f.label, labelW) : f.label;
  const line = `${label}  ${value}${interval}`;
  // A label too long for one line is wrapped, and the value goes on a line of its own.
  const head = width(line) <= TEXT_WIDTH ? [line] : [...wrap(f.label, TEXT_WIDTH), `  ${value}${interval}`];
  return [...head, ...traceLines(f.trace)];
}

function tableLines(t: Table): string[] {
  // A column of numbers only is right-aligned, so that digits line up.
  const align: Align[] = t.columns.map((_, c) =>
    t.rows.length > 0 && t.rows.every((r) => typeof r[c] === 'number') ? 'right' : 'left',
  );
  const rows = t.rows.map((r) => r.map(formatCell));
  return [
    ...(t.caption ? wrap(t.caption, TEXT_WIDTH) : []),
    ...alignTable(t.columns, rows, align, TEXT_WIDTH - 2).map((l) => `  ${l}`),
    ...(t.trace ? traceLines(t.trace) : []),
  ];
}

function blockLines(b: Block, figureLabelW: number): string[] {
  switch (b.kind) {
    case 'paragraph':
      return wrap(b.text, TEXT_WIDTH);
    case 'figure':
      return figureLines(b, figureLabelW);
    case 'table':
      return tableLines(b);
    case 'list':
      return b.items.flatMap((item) => indentWrap(item, TEXT_WIDTH, '  - '));
    case 'bar-chart':
      return textBarChart(b, TEXT_WIDTH);
    case 'line-chart':
      return textLineChart(b, TEXT_WIDTH);
    case 'tornado':
      return textTornadoChart(b, TEXT_WIDTH);
  }
}

/** Label width shared by a run of consecutive figures, so their values line up. */
function figureLabelWidths(blocks: Block[]): number[] {
  const out = new Array<number>(blocks.length).fill(0);
  let start = 0;
  while (start < blocks.length) {
    if (blocks[start]!.kind !== 'figure') {
      start++;
      continue;
    }
    let end = start;
    while (end < blocks.length && blocks[end]!.kind === 'figure') end++;
    const labels = (blocks.slice(start, end) as Figure[]).map((f) => width(f.label));
    const w = Math.min(MAX_FIGURE_LABEL, Math.max(...labels.filter((l) => l <= MAX_FIGURE_LABEL), 0));
    for (let i = start; i < end; i++) out[i] = w;
    start = end;
  }
  return out;
}

function sectionLines(s: Section, n: number): string[] {
  const out = underline(`${n}. ${s.title}`, '-');
  if (s.question) out.push('', ...indentWrap(s.question, TEXT_WIDTH, '> ', '> '));
  const widths = figureLabelWidths(s.blocks);
  s.blocks.forEach((b, i) => {
    // Consecutive figures stay together; every other block is set off by a blank line.
    const previous = s.blocks[i - 1];
    if (!(b.kind === 'figure' && previous?.kind === 'figure')) out.push('');
    out.push(...blockLines(b, widths[i]!));
  });
  return out;
}

export function renderText(doc: ReportDocument): string {
  const lines = underline(doc.title, '=');
  const prov = provenanceLines(doc.provenance);
  if (prov.length > 0) lines.push('', ...prov);
  doc.sections.forEach((s, i) => {
    lines.push('', ...sectionLines(s, i + 1));
  });
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n`;
}
