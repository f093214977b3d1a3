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
      /** What the intervals are, when not 90 % intervals (e.g. "95 % bootstrap interval"). */
      intervalLabel?: string;
    }
  /**
   * A tornado diagram (one-at-a-time sensitivity): per label, the output with that input alone at
   * its low and at its high value, drawn as bars from the base value (every input at its base).
   */
  | {
      kind: 'tornado';
      title: string;
      unit: string;
      base: number;
      /** What the low and high ends are, e.g. "low (5 % quantile)". */
      lowLabel: string;
      highLabel: string;
      bars: { label: string; low: number; high: number }[];
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
