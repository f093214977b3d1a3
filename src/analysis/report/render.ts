// One entry point for every report format; the formats share the document and the number
// formatting (format.ts), so they show the same figures.
import type { ReportDocument } from './document.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';
import { renderText } from './render-text.js';

export const REPORT_FORMATS = ['text', 'md', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The report in the given format. Async because charts in HTML are drawn by Vega. */
export async function renderReport(doc: ReportDocument, format: ReportFormat): Promise<string> {
  switch (format) {
    case 'text':
      return renderText(doc);
    case 'md':
      return renderMarkdown(doc);
    case 'html':
      return renderHtml(doc);
    case 'json':
      return renderJson(doc);
  }
}
