import { GameFormatError, type Token, TokenStream, quote, tokenize } from './gambit-tokens.js';
// Reading and writing Gambit's .efg (extensive) and .nfg (strategic) text formats.
// Format reference: Gambit documentation, "Game representation formats" (gambit.sourceforge.net,
// formats.html). Numbers are exact (integers, decimals, exponent form, p/q) and their text is
// kept, so read → write → read gives back the same game.
import { type Num, numFromText, numToText } from './num.js';
import { TreeBuilder, childrenOf } from './tree.js';
import {
  CHANCE,
  type ExtensiveGame,
  type NodeKind,
  PERSONAL,
  type StrategicGame,
  TERMINAL,
} from './types.js';

export { GameFormatError };

function readNum(ts: TokenStream, what: string): Num {
  const t = ts.next();
  const n = t.kind === 'word' ? numFromText(t.text) : undefined;
  if (!n) ts.fail(t, what);
  return n;
}

function readHeader(ts: TokenStream, magic: 'EFG' | 'NFG', version: string) {
  const m = ts.next();
  if (m.kind !== 'word' || m.text !== magic) ts.fail(m, `the file to start with '${magic} ${version} R'`);
  ts.expectWord(`version number ${version}`, new RegExp(`^${version}$`));
  ts.expectWord("'R' or 'D' (number format)", /^[RD]$/);
  const title = ts.expect('string', 'the quoted game title').text;
  const players = ts.stringList('the list of player names');
  if (players.length === 0) ts.fail(ts.peek(), 'at least one player');
  return { title, players };
}

// ---------------------------------------------------------------- .efg

interface OutcomeSeen {
  index: number;
  label: string;
  payoffs: Num[];
}

/** Parses the text of an .efg file. `file` names the file in error messages. */
export function readEfg(text: string, file = '<efg>'): ExtensiveGame {
  const ts: TokenStream = new TokenStream(tokenize(text, file), file);
  const { title, players } = readHeader(ts, 'EFG', '2');
  const comment = ts.peek().kind === 'string' ? ts.next().text : '';
  const builder = new TreeBuilder({ title, comment, players });
  const infosetIndex = new Map<string, number>();
  const outcomeIndex = new Map<number, OutcomeSeen>();

  const readOutcome = (): number => {
    const numTok = ts.peek();
    const number = ts.expectInt('an outcome number (0 for none)');
    const hasDetails = ts.peek().kind === 'string';
    if (number === 0) {
      if (hasDetails) {
        ts.next();
        if (ts.peek().kind === 'lbrace') readPayoffs();
      }
      return -1;
    }
    const seen = outcomeIndex.get(number);
    if (!hasDetails) {
      if (!seen)
        ts.fail(numTok, `outcome ${number} to have a name and payoffs, as it has not been defined before`);
      return seen.index;
    }
    const label = ts.next().text;
    const payoffs = readPayoffs();
    if (seen) {
      const same = seen.label === label && seen.payoffs.every((p, i) => p.exact?.equals(payoffs[i]!.exact!));
      if (!same) ts.fail(numTok, `outcome ${number} to repeat its earlier name and payoffs exactly`);
      return seen.index;
    }
    const index = builder.addOutcome({ label, number, payoffs });
    outcomeIndex.set(number, { index, label, payoffs });
    return index;
  };

  const readPayoffs = (): Num[] => {
    ts.expect('lbrace', "'{' to open the list of payoffs");
    const out: Num[] = [];
    while (ts.peek().kind === 'word') out.push(readNum(ts, 'a payoff (a number)'));
    ts.expect('rbrace', "a payoff or '}' to close the list of payoffs");
    if (out.length !== players.length) {
      ts.fail(ts.peek(-1 as number), `${players.length} payoffs (one per player), got ${out.length}`);
    }
    return out;
  };

  const readInfoset = (player: number, kindTok: Token): number => {
    const numTok = ts.peek();
    const number = ts.expectInt('an information set number');
    if (number === 0) ts.fail(numTok, 'an information set number of 1 or more');
    const key = `${player}:${number}`;
    const seen = infosetIndex.get(key);
    let label: string | undefined;
    let actions: string[] | undefined;
    let probs: Num[] | undefined;
    if (ts.peek().kind === 'string') label = ts.next().text;
    if (ts.peek().kind === 'lbrace') {
      if (player === -1) {
        ts.next();
        actions = [];
        probs = [];
        while (ts.peek().kind === 'string') {
          actions.push(ts.next().text);
          const p = readNum(ts, 'the probability of the chance action (a number)');
          if (p.value < 0 || p.value > 1) ts.fail(ts.peek(-1 as number), 'a probability between 0 and 1');
          probs.push(p);
        }
        ts.expect('rbrace', "an action name or '}' to close the chance actions");
      } else {
        actions = ts.stringList('the list of actions');
      }
      if (actions.length === 0) ts.fail(numTok, 'an information set with at least one action');
    }
    if (seen !== undefined) {
      const prev = builder.infosetList[seen]!;
      if (actions && actions.length !== prev.actions.length) {
        ts.fail(
          numTok,
          `information set ${number} to have ${prev.actions.length} actions as before, not ${actions.length}`,
        );
      }
      return seen;
    }
    if (!actions)
      ts.fail(kindTok, `information set ${number} to list its actions, as it has not been seen before`);
    if (probs) checkProbabilities(ts, numTok, probs);
    const index = builder.addInfoset({ player, number, label: label ?? '', actions, probs });
    infosetIndex.set(key, index);
    return index;
  };

  while (!builder.complete) {
    const t = ts.next();
    if (t.kind === 'eof') {
      throw new GameFormatError(
        file,
        t.line,
        t.column,
        builder.nodeCount === 0
          ? 'expected the game tree, found the end of the file'
          : 'the game tree ends early: some nodes are missing children',
      );
    }
    if (t.kind !== 'word' || !['p', 'c', 't'].includes(t.text))
      ts.fail(t, "a node: 'p' (personal), 'c' (chance) or 't' (terminal)");
    const label = ts.expect('string', 'the quoted node name').text;
    let kind: NodeKind;
    let infoset = -1;
    if (t.text === 'p') {
      kind = PERSONAL;
      const plTok = ts.peek();
      const player = ts.expectInt('a player number');
      if (player < 1 || player > players.length)
        ts.fail(plTok, `a player number from 1 to ${players.length}`);
      infoset = readInfoset(player - 1, t);
    } else if (t.text === 'c') {
      kind = CHANCE;
      infoset = readInfoset(-1, t);
    } else kind = TERMINAL;
    const outcome = readOutcome();
    builder.addNode(kind, infoset, outcome, label);
  }
  const extra = ts.peek();
  if (extra.kind !== 'eof') ts.fail(extra, 'the end of the file after the complete game tree');
  return builder.finish();
}

function checkProbabilities(ts: TokenStream, at: Token, probs: Num[]) {
  const exact = probs.every((p) => p.exact);
  const ok = exact
    ? probs.reduce((s, p) => s.add(p.exact!), probs[0]!.exact!.sub(probs[0]!.exact!)).equals(1)
    : Math.abs(probs.reduce((s, p) => s + p.value, 0) - 1) < 1e-9;
  if (!ok) ts.fail(at, 'chance probabilities that add up to 1');
}

/** Writes an extensive game in Gambit's .efg format (infosets and outcomes repeated in full, as Gambit does). */
export function writeEfg(g: ExtensiveGame): string {
  const lines: string[] = [];
  lines.push(`EFG 2 R ${quote(g.title)} { ${g.players.map(quote).join(' ')} }`);
  lines.push(quote(g.comment));
  lines.push('');
  const { nodes } = g;
  const stack = [0];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const kind = nodes.kind[n];
    const parts: string[] = [];
    if (kind === TERMINAL) parts.push('t', quote(nodes.label[n]!));
    else {
      const h = g.infosets[nodes.infoset[n]!]!;
      if (kind === CHANCE) {
        const acts = h.actions.map((a, i) => `${quote(a)} ${numToText(h.probs![i]!)}`).join(' ');
        parts.push('c', quote(nodes.label[n]!), String(h.number), quote(h.label), `{ ${acts} }`);
      } else {
        parts.push('p', quote(nodes.label[n]!), String(h.player + 1), String(h.number), quote(h.label));
        parts.push(`{ ${h.actions.map(quote).join(' ')} }`);
      }
    }
    const o = nodes.outcome[n]!;
    if (o < 0) parts.push('0');
    else {
      const out = g.outcomes[o]!;
      parts.push(String(out.number), quote(out.label), `{ ${out.payoffs.map(numToText).join(', ')} }`);
    }
    lines.push(parts.join(' '));
    const kids = childrenOf(g, n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------- .nfg

/** Parses the text of an .nfg file (payoff form or outcome form). */
export function readNfg(text: string, file = '<nfg>'): StrategicGame {
  const ts: TokenStream = new TokenStream(tokenize(text, file), file);
  const { title, players } = readHeader(ts, 'NFG', '1');
  const open = ts.expect('lbrace', "'{' to open the strategies (names or counts)");
  let strategies: string[][];
  if (ts.peek().kind === 'lbrace') {
    strategies = [];
    while (ts.peek().kind === 'lbrace')
      strategies.push(ts.stringList(`the strategies of player ${strategies.length + 1}`));
    ts.expect('rbrace', "'{' or '}' to close the strategy lists");
  } else {
    strategies = [];
    while (ts.peek().kind === 'word') {
      const n = ts.expectInt('a number of strategies');
      strategies.push(Array.from({ length: n }, (_, i) => String(i + 1)));
    }
    ts.expect('rbrace', "a number of strategies or '}'");
  }
  if (strategies.length !== players.length) {
    ts.fail(open, `one strategy list per player (${players.length}), got ${strategies.length}`);
  }
  strategies.forEach((s, i) => {
    if (s.length === 0) ts.fail(open, `player ${i + 1} to have at least one strategy`);
  });
  const comment = ts.peek().kind === 'string' ? ts.next().text : '';
  const nProfiles = strategies.reduce((a, s) => a * s.length, 1);
  const n = players.length;
  let payoffs: Num[];
  let outcomeForm: StrategicGame['outcomeForm'];
  if (ts.peek().kind === 'lbrace') {
    ts.next();
    const outcomes: { label: string; payoffs: Num[] }[] = [];
    while (ts.peek().kind === 'lbrace') {
      ts.next();
      const label = ts.expect('string', 'the quoted outcome name').text;
      const pays: Num[] = [];
      while (ts.peek().kind === 'word') pays.push(readNum(ts, 'a payoff (a number)'));
      const close = ts.expect('rbrace', "a payoff or '}' to close the outcome");
      if (pays.length !== n) ts.fail(close, `${n} payoffs in outcome "${label}", got ${pays.length}`);
      outcomes.push({ label, payoffs: pays });
    }
    ts.expect('rbrace', "'{' to open an outcome or '}' to close the outcome list");
    const profileOutcome = new Int32Array(nProfiles);
    for (let p = 0; p < nProfiles; p++) {
      const tok = ts.peek();
      const k = ts.expectInt(`the outcome number of profile ${p + 1} of ${nProfiles}`);
      if (k > outcomes.length) ts.fail(tok, `an outcome number from 0 to ${outcomes.length}`);
      profileOutcome[p] = k;
    }
    const zero = numFromText('0')!;
    payoffs = new Array(nProfiles * n);
    for (let p = 0; p < nProfiles; p++) {
      const k = profileOutcome[p]!;
      for (let i = 0; i < n; i++) payoffs[p * n + i] = k === 0 ? zero : outcomes[k - 1]!.payoffs[i]!;
    }
    outcomeForm = { outcomes, profileOutcome };
  } else {
    payoffs = [];
    for (let k = 0; k < nProfiles * n; k++) {
      payoffs.push(readNum(ts, `payoff ${k + 1} of ${nProfiles * n} (${nProfiles} profiles × ${n} players)`));
    }
  }
  const extra = ts.peek();
  if (extra.kind !== 'eof') ts.fail(extra, 'the end of the file after the payoffs');
  return { title, comment, players, strategies, payoffs, ...(outcomeForm ? { outcomeForm } : {}) };
}

/** Writes a strategic game in Gambit's .nfg format, in outcome form when it was read that way. */
export function writeNfg(g: StrategicGame): string {
  const lines: string[] = [];
  lines.push(`NFG 1 R ${quote(g.title)} { ${g.players.map(quote).join(' ')} }`);
  lines.push('');
  lines.push('{');
  for (const s of g.strategies) lines.push(`{ ${s.map(quote).join(' ')} }`);
  lines.push('}');
  lines.push(quote(g.comment));
  lines.push('');
  if (g.outcomeForm) {
    lines.push('{');
    for (const o of g.outcomeForm.outcomes)
      lines.push(`{ ${quote(o.label)} ${o.payoffs.map(numToText).join(', ')} }`);
    lines.push('}');
    lines.push(Array.from(g.outcomeForm.profileOutcome).join(' '));
  } else {
    const n = g.players.length;
    const rows: string[] = [];
    for (let p = 0; p < g.payoffs.length / n; p++) {
      rows.push(
        g.payoffs
          .slice(p * n, p * n + n)
          .map(numToText)
          .join(' '),
      );
    }
    lines.push(rows.join(' '));
  }
  return `${lines.join('\n')}\n`;
}

export type ParsedGame = { kind: 'efg'; game: ExtensiveGame } | { kind: 'nfg'; game: StrategicGame };

/** Reads either format, telling them apart by the first word. */
export function readGame(text: string, file = '<game>'): ParsedGame {
  const first = /^\s*(\S+)/.exec(text)?.[1];
  if (first === 'EFG') return { kind: 'efg', game: readEfg(text, file) };
  if (first === 'NFG') return { kind: 'nfg', game: readNfg(text, file) };
  throw new GameFormatError(
    file,
    1,
    1,
    `expected a Gambit game starting with 'EFG 2 R' or 'NFG 1 R', found '${first ?? ''}'`,
  );
}
