// A report as one self-contained HTML page: inline CSS, SVG charts drawn by Vega-Lite, no scripts
// and nothing fetched from elsewhere, so it can be mailed or archived as a single file. Every piece
// of text from the document is escaped; only the SVG from Vega (which escapes its own text) is
// inserted as markup.
import { type PlainTable, barChartTable, lineChartTable, tornadoChartTable } from './chart-tables.js';
import { chartSvg } from './charts.js';
import type { Block, ReportDocument, Section } from './document.js';
import { formatCell, formatInterval, formatValue } from './format.js';

type Figure = Extract<Block, { kind: 'figure' }>;
type Table = Extract<Block, { kind: 'table' }>;
type Chart = Extract<Block, { kind: 'bar-chart' | 'line-chart' | 'tornado' }>;

const STYLE = `
body { font-family: system-ui, sans-serif; line-height: 1.45; color: #1a1a1a; max-width: 56rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: 0.5rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
table { border-collapse: collapse; margin: 0.8rem 0; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid #e3e3e3; padding: 0.2rem 0.7rem 0.2rem 0; text-align: left; vertical-align: top; }
th { border-bottom: 1px solid #999; }
td.num, th.num { text-align: right; }
caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
blockquote.question { margin: 0.8rem 0; padding-left: 0.8rem; border-left: 3px solid #bbb; color: #444; font-style: italic; }
.figure { margin: 0.6rem 0; }
.figure .label { font-weight: 600; }
.figure .value { font-size: 1.15rem; font-variant-numeric: tabular-nums; }
.figure .interval { color: #555; font-variant-numeric: tabular-nums; }
.trace { font-size: 0.78rem; color: #666; margin: 0.1rem 0 0.6rem; }
.trace code { font-size: inherit; }
figure.chart { margin: 1rem 0; }
figure.chart svg { max-width: 100%; height: auto; }
details { font-size: 0.85rem; }
table.provenance { font-size: 0.85rem; color: #444; }
nav ol { padding-left: 1.4rem; }
`.trim();

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Element ids for the sections: letters, digits, - and _ only, and unique within the page. */
export function sectionAnchors(sections: Section[]): string[] {
  const seen = new Set<string>();
  return sections.map((s, i) => {
    const base = s.id.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || `section-${i + 1}`;
    let id = base;
    for (let k = 2; seen.has(id); k++) id = `${base}-${k}`;
    seen.add(id);
    return id;
  });
}

function trace(text: string): string {
  return `<p class="trace">from <code>${escapeHtml(text)}</code></p>`;
}

function plainTable(t: PlainTable, caption?: string): string {
  const cls = (right: boolean | undefined) => (right ? ' class="num"' : '');
  const head = t.header.map((h, c) => `<th${cls(t.right[c])}>${escapeHtml(h)}</th>`).join('');
  const body = t.rows
    .map(
      (r) =>
        `<tr>${t.header.map((_, c) => `<td${cls(t.right[c])}>${escapeHtml(r[c] ?? '')}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const cap = caption ? `<caption>${escapeHtml(caption)}</caption>` : '';
  return `<table>${cap}\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function figureHtml(f: Figure): string {
  const interval = f.interval
    ? ` <span class="interval">${escapeHtml(formatInterval(f.interval, f.format))}</span>`
    : '';
  return [
    '<div class="figure">',
    `<span class="label">${escapeHtml(f.label)}:</span> <span class="value">${escapeHtml(formatValue(f.value, f.format))}</span>${interval}`,
    trace(f.trace),
    '</div>',
  ].join('\n');
}

function tableHtml(t: Table): string {
  const right = t.columns.map((_, c) => t.rows.length > 0 && t.rows.every((r) => typeof r[c] === 'number'));
  const rows = t.rows.map((r) => r.map(formatCell));
  return plainTable({ header: t.columns, rows, right }, t.caption) + (t.trace ? `\n${trace(t.trace)}` : '');
}

/** The chart as SVG, with its values in a table that opens on demand. */
async function chartHtml(c: Chart, n: number): Promise<string> {
  const svg = await chartSvg(c, `chart-${n}`);
  const values =
    c.kind === 'bar-chart'
      ? barChartTable(c)
      : c.kind === 'tornado'
        ? tornadoChartTable(c)
        : lineChartTable(c);
  return [
    '<figure class="chart">',
    svg,
    `<details><summary>Values: ${escapeHtml(c.title)}</summary>`,
    plainTable(values),
    '</details>',
    '</figure>',
  ].join('\n');
}

async function blockHtml(b: Block, nextChart: () => number): Promise<string> {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'figure':
      return figureHtml(b);
    case 'table':
      return tableHtml(b);
    case 'list':
      return `<ul>\n${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;
    case 'bar-chart':
    case 'line-chart':
    case 'tornado':
      return chartHtml(b, nextChart());
  }
}

export async function renderHtml(doc: ReportDocument): Promise<string> {
  const anchors = sectionAnchors(doc.sections);
  let charts = 0;
  const nextChart = () => ++charts;
  const sections: string[] = [];
  // One chart at a time, in document order: the numbering of chart ids must not depend on timing.
  for (const [i, s] of doc.sections.entries()) {
    const parts = [`<section id="${anchors[i]}">`, `<h2>${i + 1}. ${escapeHtml(s.title)}</h2>`];
    if (s.question) parts.push(`<blockquote class="question">${escapeHtml(s.question)}</blockquote>`);
    for (const b of s.blocks) parts.push(await blockHtml(b, nextChart));
    parts.push('</section>');
    sections.push(parts.join('\n'));
  }
  const provKeys = Object.keys(doc.provenance);
  const provenance =
    provKeys.length === 0
      ? ''
      : `<table class="provenance">\n<tbody>\n${provKeys
          .map((k) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(String(doc.provenance[k]))}</td></tr>`)
          .join('\n')}\n</tbody>\n</table>`;
  const toc = doc.sections
    .map((s, i) => `<li><a href="#${anchors[i]}">${escapeHtml(s.title)}</a></li>`)
    .join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    ...(provenance ? [provenance] : []),
    '</header>',
    ...(doc.sections.length > 0 ? ['<nav>', '<h2>Contents</h2>', `<ol>\n${toc}\n</ol>`, '</nav>'] : []),
    '<main>',
    ...sections,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
