import type { Workbench } from '../workbench.js';

export function EditorView({ wb }: { wb: Workbench }) {
  return <p>Editor view (in progress) — {wb.scenario.title}</p>;
}
