// A report as plain data: sections of blocks. The analysis fills it; renderers (text, Markdown,
// HTML with SVG charts, JSON) only lay it out, so every format shows the same figures.

export type Block =
  | { kind: 'paragraph'; text: string }
  /** A headline figure with the formula or model element it comes from. */
  | {
      kind: 'figure';
      label: string;
      value: number;
      format: 'probability' | 'number' | 'utility';
      interval?: [number, number];
      trace: string;
    }
  | { kind: 'table'; caption?: string; columns: string[]; rows: (string | number)[][]; trace?: string }
  | { kind: 'list'; items: string[] }
  /** Bars: one value per label, optionally with a 90 % interval; series split grouped bars. */
  | {
      kind: 'bar-chart';
      title: string;
      unit: string;
      bars: { label: string; series?: string; value: number; low?: number; high?: number }[];
    }
  /** Lines over x (for example a price path with a band). */
  | {
      kind: 'line-chart';
      title: string;
      xLabel: string;
      yLabel: string;
      points: { x: number; y: number; series: string; low?: number; high?: number }[];
    };

export interface Section {
  /** Stable id, e.g. "q1-talks-intent". */
  id: string;
  title: string;
  /** The question from the seeds this section answers, quoted, with its seed file. */
  question?: string;
  blocks: Block[];
}

export interface ReportDocument {
  title: string;
  /** Scenario file, seed, draws, λ, Brink version: what is needed to reproduce it. */
  provenance: Record<string, string | number>;
  sections: Section[];
  /** The raw aggregate figures behind the sections (set for JSON output; other formats ignore it). */
  data?: unknown;
}
