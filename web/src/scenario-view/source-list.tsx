// A value's sources in the page: each a line you can hover (the quote or reason as a tooltip) or
// open (the quote written out), so an analyst can check a number against its seed sentence.
import type { SourceSpec } from '../../../src/scenario/schema.js';
import { sourceViews } from './describe.js';

export function SourceList({ source, testid }: { source: SourceSpec | undefined; testid?: string }) {
  const views = sourceViews(source);
  if (views.length === 0) return <span class="muted">—</span>;
  return (
    <div class="sources" data-testid={testid}>
      {views.map((v, i) =>
        v.detail ? (
          <details key={i} class={`source-item source-${v.kind}`} title={v.detail}>
            <summary>{v.label}</summary>
            <p class="quote">{v.detail}</p>
          </details>
        ) : (
          <span key={i} class={`source-item source-${v.kind}`}>
            {v.label}
          </span>
        ),
      )}
    </div>
  );
}
