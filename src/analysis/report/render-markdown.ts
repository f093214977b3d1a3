// A report as Markdown (CommonMark with GitHub tables): headings per section, figures as a list
// with their traces, tables, and charts given as tables of their values.

import { barChartTable, lineChartTable, tornadoChartTable } from './chart-tables.js';
import type { Block, ReportDocument, Section } from './document.js';
import { barFormat, formatCell, formatInterval, formatValue } from './format.js';

type Figure = Extract<Block, { kind: 'figure' }>;

/**
 * Backslash-escapes what Markdown could read as markup, and only that, so the source stays
 * readable: `_` and `*` are left alone where they cannot start or end emphasis (`C_kinetic`,
 * `0.8 * x`), `]` only where it could close a link, `&` only where it would form an entity.
 */
function escapeMarkup(text: string): string {
  return text
    .replace(/[\\`<~]/g, '\\$&')
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/(?<!\s)\*|\*(?!\s)/g, '\\*')
    .replace(/\](?=[([:])/g, '\\]')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** Inline text on one line (headings, list items, labels). */
export function escapeInline(text: string): string {
  return escapeMarkup(text.replace(/\s*\n\s*/g, ' '));
}

/** A table cell: inline text with `|` escaped as well. */
export function escapeCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}

/** A paragraph: inline escapes, plus whatever would start a heading, quote, list or rule at a line start. */
export function escapeParagraph(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      escapeMarkup(line)
        .replace(/^(\s*)([#>+=*-])/, '$1\\$2')
        // An ordered-list marker is broken by escaping its dot or parenthesis, not the digits.
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/** Text as a code span, with a fence longer than any run of backticks inside it. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function table(header: string[], rows: string[][], right: boolean[]): string[] {
  const cells = (r: string[]) => `| ${r.map(escapeCell).join(' | ')} |`;
  return [
    cells(header),
    `| ${right.map((r) => (r ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => cells(header.map((_, c) => r[c] ?? ''))),
  ];
}

function figureItem(f: Figure): string {
  const interval = f.interval ? ` ${formatInterval(f.interval, f.format)}` : '';
  return `- **${escapeInline(f.label)}:** ${formatValue(f.value, f.format)}${interval}\\\n  _from_ ${codeSpan(f.trace)}`;
}

function blockText(b: Exclude<Block, Figure>): string {
  switch (b.kind) {
    case 'paragraph':
      return escapeParagraph(b.text);
    case 'table': {
      const right = b.columns.map(
        (_, c) => b.rows.length > 0 && b.rows.every((r) => typeof r[c] === 'number'),
      );
      return [
        ...(b.caption ? [`**${escapeInline(b.caption)}**`, ''] : []),
        ...table(
          b.columns,
          b.rows.map((r) => r.map(formatCell)),
          right,
        ),
        ...(b.trace ? ['', `_from_ ${codeSpan(b.trace)}`] : []),
      ].join('\n');
    }
    case 'list':
      return b.items.map((i) => `- ${escapeInline(i)}`).join('\n');
    case 'bar-chart': {
      const t = barChartTable(b);
      const unit = b.unit === '' ? '' : ` (${escapeInline(b.unit)})`;
      return [`**${escapeInline(b.title)}**${unit}`, '', ...table(t.header, t.rows, t.right)].join('\n');
    }
    case 'line-chart': {
      const t = lineChartTable(b);
      const title = `**${escapeInline(b.title)}:** ${escapeInline(b.yLabel)} by ${escapeInline(b.xLabel)}`;
      return [title, '', ...table(t.header, t.rows, t.right)].join('\n');
    }
    case 'tornado': {
      const t = tornadoChartTable(b);
      const unit = b.unit === '' ? '' : ` (${escapeInline(b.unit)})`;
      const base = `base ${formatValue(b.base, barFormat(b.unit))}`;
      return [`**${escapeInline(b.title)}**${unit}, ${base}`, '', ...table(t.header, t.rows, t.right)].join(
        '\n',
      );
    }
  }
}

/** Blocks of a section; a run of consecutive figures becomes one list. */
function sectionBlocks(blocks: Block[]): string[] {
  const out: string[] = [];
  let figures: string[] = [];
  const flush = () => {
    if (figures.length > 0) out.push(figures.join('\n'));
    figures = [];
  };
  for (const b of blocks) {
    if (b.kind === 'figure') figures.push(figureItem(b));
    else {
      flush();
      out.push(blockText(b));
    }
  }
  flush();
  return out;
}

function sectionText(s: Section, n: number): string {
  const parts = [`## ${n}. ${escapeInline(s.title)}`];
  if (s.question) parts.push(`> ${escapeInline(s.question)}`);
  parts.push(...sectionBlocks(s.blocks));
  return parts.join('\n\n');
}

export function renderMarkdown(doc: ReportDocument): string {
  const parts = [`# ${escapeInline(doc.title)}`];
  const keys = Object.keys(doc.provenance);
  if (keys.length > 0) {
    const rows = keys.map((k) => [k, String(doc.provenance[k])]);
    parts.push(table(['setting', 'value'], rows, [false, false]).join('\n'));
  }
  doc.sections.forEach((s, i) => {
    parts.push(sectionText(s, i + 1));
  });
  return `${parts.join('\n\n')}\n`;
}
