import type { Workbench } from '../workbench.js';

export function CompareView({ wb }: { wb: Workbench }) {
  return <p>Compare view (in progress) — {wb.scenario.title}</p>;
}
