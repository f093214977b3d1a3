import type { Workbench } from '../workbench.js';

export function GameView({ wb }: { wb: Workbench }) {
  return <p>Game view (in progress) — {wb.scenario.title}</p>;
}
