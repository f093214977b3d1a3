import type { Workbench } from '../workbench.js';

export function ScenarioView({ wb }: { wb: Workbench }) {
  return <p>Scenario view (in progress) — {wb.scenario.title}</p>;
}
