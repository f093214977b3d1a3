import type { Workbench } from '../workbench.js';

export function RunsView({ wb }: { wb: Workbench }) {
  return <p>Runs view (in progress) — {wb.scenario.title}</p>;
}
