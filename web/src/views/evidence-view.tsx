import type { Workbench } from '../workbench.js';

export function EvidenceView({ wb }: { wb: Workbench }) {
  return <p>Evidence view (in progress) — {wb.scenario.title}</p>;
}
