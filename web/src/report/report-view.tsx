// The sections of a report document (src/analysis/report/document.ts) as page elements: the same
// blocks, figures and charts as the CLI's report, so page and CLI show the same numbers. Every figure
// carries its trace (the formula or model element it comes from) on hover.
import { useMemo } from 'preact/hooks';
import { barChartSpec, lineChartSpec, tornadoChartSpec } from '../../../src/analysis/report/charts.js';
import type { Block, Section } from '../../../src/analysis/report/document.js';
import { formatValue } from '../../../src/analysis/report/format.js';
import { VegaChart } from '../charts/vega-chart.js';

function ChartBlock({ block, name }: { block: Block; name: string }) {
  const spec = useMemo(() => {
    if (block.kind === 'bar-chart') return barChartSpec(block);
    if (block.kind === 'line-chart') return lineChartSpec(block);
    if (block.kind === 'tornado') return tornadoChartSpec(block);
    return undefined;
  }, [block]);
  return spec ? <VegaChart spec={spec} name={name} /> : null;
}

function cell(value: string | number): string {
  return typeof value === 'number' ? formatValue(value, 'number') : value;
}

export function BlockView({ block, name }: { block: Block; name: string }) {
  switch (block.kind) {
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'figure':
      return (
        <p class="figure" title={block.trace} data-testid={`figure-${name}`} data-value={String(block.value)}>
          <span class="label">{block.label}</span> <strong>{formatValue(block.value, block.format)}</strong>
          {block.interval && (
            <span class="interval">
              {' '}
              [{formatValue(block.interval[0], block.format)}, {formatValue(block.interval[1], block.format)}]
            </span>
          )}
        </p>
      );
    case 'table':
      return (
        <table title={block.trace}>
          {block.caption && <caption>{block.caption}</caption>}
          <thead>
            <tr>
              {block.columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, i) => (
              <tr key={i}>
                {row.map((v, j) => (
                  <td key={j}>{cell(v)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'list':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    default:
      return <ChartBlock block={block} name={name} />;
  }
}

export function SectionView({ section }: { section: Section }) {
  return (
    <section class="report-section" id={`section-${section.id}`} data-testid={`section-${section.id}`}>
      <h3>{section.title}</h3>
      {section.question && <blockquote>{section.question}</blockquote>}
      {section.blocks.map((b, i) => (
        <BlockView key={i} block={b} name={`${section.id}-${i}`} />
      ))}
    </section>
  );
}

export function ReportSections({ sections }: { sections: readonly Section[] }) {
  return (
    <div class="report">
      {sections.map((s) => (
        <SectionView key={s.id} section={s} />
      ))}
    </div>
  );
}
