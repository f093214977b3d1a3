// The Game view: the compiled game of one draw of the current run (its parameters under the run's
// seed and held values, one policy), solved by the Monte Carlo's QRE in a worker, and drawn as a
// tree that opens node by node: branch probabilities under the equilibrium, the most likely path
// highlighted, leaves with their payoffs. The worker keeps the ~72,000 nodes; the page asks for the
// children of the nodes it opens.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { POLICY_RUNS } from '../../../src/analysis/run-draws.js';
import { GameClient, type SolvedGame, Superseded } from '../game-view/game-client.js';
import { type Layout, type Size, layoutTree } from '../game-view/layout.js';
import type { NodeInfo } from '../game-view/solved-tree.js';
import { type VisibleItem, type VisibleTree, formatProb, visibleTree } from '../game-view/visible-tree.js';
import type { Workbench } from '../workbench.js';

/** Levels of the most likely path opened when a game is shown. */
const INITIAL_DEPTH = 5;
// Rough text widths (system-ui at 11 px and 10 px) to size the boxes ELK places.
const CHAR_WIDTH = 6.1;
const LABEL_CHAR_WIDTH = 5.6;
const LINE = 14;

type Children = ReadonlyMap<number, readonly NodeInfo[]>;

function formatPayoff(x: number): string {
  return (Math.abs(x) < 5e-4 ? 0 : x).toFixed(2).replace('-', '−');
}

/** The two lines of text in a node's box. */
function boxLines(item: VisibleItem, game: SolvedGame): [string, string] {
  if (item.kind === 'more') return [`+${item.hidden} more`, `p ${formatProb(item.hiddenProb)} in all`];
  const n = item.info;
  const mark = n.childCount > 0 ? (item.expanded ? '− ' : '+ ') : '';
  if (n.kind === 'terminal')
    return [
      'outcome',
      game.movers.map((p) => `${game.players[p]} ${formatPayoff(n.payoffs?.[p] ?? 0)}`).join(' · '),
    ];
  const who = n.kind === 'decision' ? n.player : 'chance';
  return [
    `${mark}${who} · ${n.step}`,
    `reach ${formatProb(n.reach)} · ${n.descendants.toLocaleString('en')} below`,
  ];
}

function boxSize(lines: readonly string[]): Size {
  return {
    width: Math.ceil(Math.max(...lines.map((l) => l.length)) * CHAR_WIDTH) + 14,
    height: 2 * LINE + 8,
  };
}

function edgeText(action: string, prob: number): string {
  return `${action} ${formatProb(prob)}`;
}

/** The moves from the root to a node, from the nodes already fetched. */
function pathOf(node: NodeInfo, byId: ReadonlyMap<number, NodeInfo>): string[] {
  const out: string[] = [];
  for (let n: NodeInfo | undefined = node; n && n.parent >= 0; n = byId.get(n.parent))
    out.push(`${n.move} (${formatProb(n.prob)})`);
  return out.reverse();
}

export function GameView({ wb }: { wb: Workbench }) {
  const client = useMemo(() => new GameClient(), []);
  useEffect(() => () => client.terminate(), [client]);
  const [draw, setDraw] = useState(0);
  const [policy, setPolicy] = useState('baseline');
  const [game, setGame] = useState<SolvedGame | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [children, setChildren] = useState<Children>(new Map());
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [showAll, setShowAll] = useState<ReadonlySet<number>>(new Set());
  const [hovered, setHovered] = useState<NodeInfo | undefined>();
  const [layout, setLayout] = useState<{ tree: VisibleTree; layout: Layout } | undefined>();
  const draws = wb.settings.draws;
  const shownDraw = Math.min(draw, draws - 1);
  const fixedKey = JSON.stringify(wb.fixed);

  useEffect(() => {
    let live = true;
    setGame(undefined);
    setError(undefined);
    setHovered(undefined);
    setLayout(undefined);
    const settings = {
      seed: wb.settings.seed,
      lambda: wb.settings.lambda,
      total: draws,
      sampling: 'random' as const,
      fixed: JSON.parse(fixedKey) as Record<string, number>,
      draw: shownDraw,
      policy,
    };
    (async () => {
      const g = await client.solve(wb.scenario.text, wb.scenario.file, settings);
      const open = g.path.slice(0, Math.min(INITIAL_DEPTH, g.path.length - 1));
      const kids = await client.children(g.solve, open);
      if (!live) return;
      setChildren(new Map(Object.entries(kids).map(([k, v]) => [Number(k), v])));
      setExpanded(new Set(open));
      setShowAll(new Set());
      setGame(g);
    })().catch((e: Error) => {
      if (live && !(e instanceof Superseded)) setError(e.message);
    });
    return () => {
      live = false;
    };
  }, [client, wb.scenario, wb.settings.seed, wb.settings.lambda, draws, fixedKey, shownDraw, policy]);

  const byId = useMemo(() => {
    const m = new Map<number, NodeInfo>();
    if (game) m.set(0, game.root);
    for (const kids of children.values()) for (const k of kids) m.set(k.id, k);
    return m;
  }, [game, children]);

  const visible = useMemo(
    () => (game ? visibleTree(game.root, (id) => children.get(id), expanded, showAll) : undefined),
    [game, children, expanded, showAll],
  );

  // ELK lays out each new visible tree; a stale layout is dropped.
  const layoutRun = useRef(0);
  useEffect(() => {
    if (!visible || !game) return;
    const mine = ++layoutRun.current;
    const sizes = new Map(visible.items.map((i) => [i.key, boxSize(boxLines(i, game))]));
    const labels = new Map(
      visible.edges.map((e) => {
        const text = edgeText(e.action, e.prob);
        return [e.key, { text, width: Math.ceil(text.length * LABEL_CHAR_WIDTH) + 6, height: LINE }];
      }),
    );
    layoutTree(
      visible,
      (k) => sizes.get(k)!,
      (k) => labels.get(k)!,
    )
      .then((l) => mine === layoutRun.current && setLayout({ tree: visible, layout: l }))
      .catch((e: Error) => setError(`layout: ${e.message}`));
  }, [visible, game]);

  // The solve shown: an answer about an earlier game arriving late is dropped.
  const shownSolve = useRef(0);
  shownSolve.current = game?.solve ?? 0;
  const fetchAndOpen = async (nodes: number[]) => {
    if (!game) return;
    const missing = nodes.filter((n) => !children.has(n));
    try {
      const kids = missing.length > 0 ? await client.children(game.solve, missing) : {};
      if (shownSolve.current !== game.solve) return;
      setChildren((old) => {
        const next = new Map(old);
        for (const [k, v] of Object.entries(kids)) next.set(Number(k), v);
        return next;
      });
      setExpanded((old) => new Set([...old, ...nodes]));
    } catch (e) {
      if (!(e instanceof Superseded)) setError((e as Error).message);
    }
  };

  const toggle = (item: VisibleItem) => {
    if (item.kind === 'more') {
      setShowAll((old) => new Set([...old, item.parent]));
      return;
    }
    const n = item.info;
    if (n.childCount === 0) return;
    if (expanded.has(n.id) && item.expanded) {
      setExpanded((old) => {
        const next = new Set(old);
        next.delete(n.id);
        return next;
      });
    } else void fetchAndOpen([n.id]);
  };

  const s = game?.stats;
  return (
    <section class="game-view" data-testid="game-view">
      <div class="game-controls">
        <label>
          Draw{' '}
          <input
            type="number"
            min={0}
            max={draws - 1}
            step={1}
            value={shownDraw}
            data-testid="game-draw"
            onChange={(e) => {
              const v = Number((e.target as HTMLInputElement).value);
              if (Number.isInteger(v) && v >= 0 && v < draws) setDraw(v);
            }}
          />{' '}
          of 0…{draws - 1}
        </label>
        <label>
          Policy{' '}
          <select
            value={policy}
            data-testid="game-policy"
            onChange={(e) => setPolicy((e.target as HTMLSelectElement).value)}
          >
            {POLICY_RUNS.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="game-expand-path"
          disabled={!game}
          onClick={() => game && void fetchAndOpen(game.path.slice(0, -1))}
        >
          Open the most likely path
        </button>
        <button
          type="button"
          data-testid="game-collapse"
          disabled={!game}
          onClick={() => {
            setExpanded(new Set());
            setShowAll(new Set());
          }}
        >
          Collapse to the root
        </button>
      </div>
      <p
        class="game-status"
        data-testid="game-status"
        data-state={error ? 'error' : game ? 'done' : 'running'}
      >
        {error ? (
          <span class="error">Error: {error}</span>
        ) : !game || !s ? (
          `Compiling and solving draw ${shownDraw} (${policy}) at λ ${wb.settings.lambda}…`
        ) : (
          `Draw ${shownDraw} under seed ${wb.settings.seed}, ${POLICY_RUNS.find((r) => r.id === policy)?.label}: ` +
          `${s.nodes.toLocaleString('en')} nodes, ${s.leaves.toLocaleString('en')} leaves, ${s.infosets.toLocaleString('en')} information sets; ` +
          `compiled in ${(s.compileMs / 1000).toFixed(1)} s, logit QRE at λ ${wb.settings.lambda} in ${(s.solveMs / 1000).toFixed(1)} s ` +
          `(${s.method}, ${s.iterations} iterations, residual ${s.residual.toExponential(1)}).`
        )}
      </p>
      <p class="game-legend">
        Each branch shows its probability given its parent: the equilibrium's behaviour at decisions, the
        scenario's probability at chance nodes (– where an information set is never reached, so the
        equilibrium's outcome leaves its behaviour undefined). The most likely path — the most probable branch
        at each node from the root — is drawn thick. Click a node to open or close it; hover for details.
        {layout?.tree.truncated ? ' Some nodes are not drawn: close others to see them.' : ''}
      </p>
      <div class="game-body">
        <div class="game-canvas">
          {game && layout && <TreeSvg game={game} laid={layout} onToggle={toggle} onHover={setHovered} />}
        </div>
        <NodeDetails node={hovered} game={game} byId={byId} />
      </div>
    </section>
  );
}

function TreeSvg({
  game,
  laid,
  onToggle,
  onHover,
}: {
  game: SolvedGame;
  laid: { tree: VisibleTree; layout: Layout };
  onToggle: (item: VisibleItem) => void;
  onHover: (n: NodeInfo | undefined) => void;
}) {
  const { tree, layout } = laid;
  return (
    <svg
      class="game-tree"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label="Game tree"
    >
      {tree.edges.map((e) => {
        const le = layout.edges.get(e.key);
        if (!le) return null;
        const l = le.label;
        return (
          <g key={e.key} class={e.onPath ? 'game-edge on-path' : 'game-edge'}>
            <polyline points={le.points.map((p) => `${p.x},${p.y}`).join(' ')} />
            {l && (
              <text class="game-edge-label" x={l.x + l.width / 2} y={l.y + l.height - 3}>
                {edgeText(e.action, e.prob)}
              </text>
            )}
          </g>
        );
      })}
      {tree.items.map((item) => {
        const b = layout.nodes.get(item.key);
        if (!b) return null;
        const [first, second] = boxLines(item, game);
        const info = item.kind === 'node' ? item.info : undefined;
        const classes = ['game-node', info ? info.kind : 'more', info?.onPath ? 'on-path' : '']
          .filter(Boolean)
          .join(' ');
        return (
          <g
            key={item.key}
            class={classes}
            transform={`translate(${b.x},${b.y})`}
            data-testid={
              info ? `game-node-${info.id}` : `game-more-${item.kind === 'more' ? item.parent : ''}`
            }
            data-on-path={info?.onPath ? 'true' : undefined}
            data-prob={info ? String(info.prob) : undefined}
            data-kind={info?.kind ?? 'more'}
            data-expanded={item.kind === 'node' ? String(item.expanded) : undefined}
            // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it takes focus and Enter
            tabIndex={0}
            role="button"
            onClick={() => onToggle(item)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onToggle(item)}
            onMouseEnter={() => info && onHover(info)}
            onFocus={() => info && onHover(info)}
          >
            <title>{info ? info.move || 'root' : 'show the other branches'}</title>
            <rect width={b.width} height={b.height} rx={4} />
            <text x={7} y={LINE + 1}>
              {first}
            </text>
            <text x={7} y={2 * LINE + 2} class="second">
              {second}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function NodeDetails({
  node,
  game,
  byId,
}: {
  node: NodeInfo | undefined;
  game: SolvedGame | undefined;
  byId: ReadonlyMap<number, NodeInfo>;
}) {
  if (!node || !game)
    return (
      <aside class="game-details" data-testid="game-details">
        Hover a node for its details.
      </aside>
    );
  const path = pathOf(node, byId);
  return (
    <aside class="game-details" data-testid="game-details" data-node={node.id}>
      <h3>
        Node {node.id}:{' '}
        {node.kind === 'decision'
          ? `${node.player} decides ${node.step}`
          : node.kind === 'chance'
            ? `chance: ${node.step}`
            : 'outcome'}
      </h3>
      <dl>
        <dt>Branch probability</dt>
        <dd>
          {Number.isNaN(node.prob) ? 'undefined (information set never reached)' : node.prob.toPrecision(4)}
        </dd>
        <dt>Reach probability</dt>
        <dd>{node.reach.toPrecision(4)}</dd>
        <dt>On the most likely path</dt>
        <dd>{node.onPath ? 'yes' : 'no'}</dd>
        {node.kind !== 'terminal' && (
          <>
            <dt>Branches · nodes below</dt>
            <dd>
              {node.childCount} · {node.descendants.toLocaleString('en')}
            </dd>
          </>
        )}
        {node.kind === 'decision' && (
          <>
            <dt>Information set</dt>
            <dd>
              #{node.infoset}: {node.infosetLabel}
            </dd>
          </>
        )}
      </dl>
      {node.payoffs && (
        <table class="game-payoffs">
          <thead>
            <tr>
              <th>Actor</th>
              <th>Payoff</th>
            </tr>
          </thead>
          <tbody>
            {node.payoffs.map((u, p) => (
              <tr key={game.players[p]} class={game.movers.includes(p) ? 'mover' : ''}>
                <td>{game.players[p]}</td>
                <td>{formatPayoff(u)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>Path from the root</h4>
      {path.length === 0 ? (
        <p>the root</p>
      ) : (
        <ol class="game-path">
          {path.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ol>
      )}
    </aside>
  );
}
