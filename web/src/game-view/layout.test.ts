import { describe, expect, it } from 'vitest';
import { TREE } from './hand-built-game.js';
import { layoutTree } from './layout.js';
import { childInfos, nodeInfo } from './solved-tree.js';
import { visibleTree } from './visible-tree.js';

describe('layout of the visible tree (ELK layered, left to right)', () => {
  it('places every box, children right of their parent in action order, and every branch label', async () => {
    const v = visibleTree(nodeInfo(TREE, 0), (id) => childInfos(TREE, id), new Set([0, 1, 6, 8]), new Set());
    const layout = await layoutTree(
      v,
      () => ({ width: 80, height: 30 }),
      (k) => ({ text: k, width: 40, height: 12 }),
    );
    expect([...layout.nodes.keys()].sort()).toEqual(v.items.map((i) => i.key).sort());
    const box = (k: string) => layout.nodes.get(k)!;
    for (const e of v.edges) {
      expect(box(e.to).x).toBeGreaterThan(box(e.from).x + box(e.from).width);
      const le = layout.edges.get(e.key)!;
      expect(le.points.length).toBeGreaterThanOrEqual(2);
      // The label sits between the two boxes.
      expect(le.label!.x).toBeGreaterThanOrEqual(box(e.from).x + box(e.from).width);
      expect(le.label!.x + le.label!.width).toBeLessThanOrEqual(box(e.to).x);
    }
    // Siblings keep the game's action order, top to bottom.
    expect(box('n1').y).toBeLessThan(box('n6').y);
    expect(box('n9').y).toBeLessThan(box('n10').y);
    // Boxes do not overlap.
    const boxes = [...layout.nodes.values()];
    for (const a of boxes)
      for (const b of boxes)
        if (a !== b)
          expect(
            a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y,
          ).toBe(true);
    expect(layout.width).toBeGreaterThan(3 * 80);
  });
});
