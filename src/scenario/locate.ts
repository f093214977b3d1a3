// Maps a path in the scenario data (e.g. stages[2].options[0]) back to a line and column of the
// YAML file, using the ranges the yaml parser keeps on every node.
import { type Document, type LineCounter, type Node, type Pair, Scalar, isMap, isScalar, isSeq } from 'yaml';
import type { Path } from './diagnostics.js';

export interface Position {
  readonly line: number;
  readonly col: number;
}

export interface LocateOptions {
  /** Point at the key of the last path element rather than at its value (for names and unknown keys). */
  readonly key?: boolean;
  /** 0-based character offset inside a scalar value (e.g. the column of an error in a formula). */
  readonly offset?: number;
}

export type Locator = (path: Path, options?: LocateOptions) => Position;

function pairOf(node: unknown, segment: string | number): Pair | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((p) => {
    const k = isScalar(p.key) ? p.key.value : p.key;
    return String(k) === String(segment);
  }) as Pair | undefined;
}

/** Position of `offset` inside a scalar: exact for plain and quoted one-line scalars and literal blocks. */
function scalarOffset(node: Scalar, offset: number, text: string, lc: LineCounter): Position {
  const start = node.range![0];
  switch (node.type) {
    case Scalar.PLAIN:
      return lc.linePos(start + offset);
    case Scalar.QUOTE_DOUBLE:
    case Scalar.QUOTE_SINGLE:
      return lc.linePos(start + 1 + offset);
    case Scalar.BLOCK_LITERAL: {
      // The value starts on the line after the indicator; each value line keeps its line.
      const value = String(node.value);
      const before = value.slice(0, offset);
      const lineInValue = before.split('\n').length - 1;
      const colInLine = offset - (before.lastIndexOf('\n') + 1);
      const indicatorLine = lc.linePos(start).line;
      const sourceLine = indicatorLine + 1 + lineInValue;
      // The block's indentation is that of its first line; deeper lines keep their extra spaces in the value.
      const firstStart = lc.lineStarts[indicatorLine] ?? start;
      const indent = /^ */.exec(text.slice(firstStart))![0].length;
      return { line: sourceLine, col: indent + colInLine + 1 };
    }
    default:
      return lc.linePos(start);
  }
}

export function makeLocator(doc: Document, lc: LineCounter, text: string): Locator {
  return (path, options = {}) => {
    let node: unknown = doc.contents;
    let lastKey: Node | undefined;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      let next: unknown;
      let keyNode: Node | undefined;
      if (isSeq(node) && typeof seg === 'number') {
        next = node.items[seg];
      } else {
        const pair = pairOf(node, seg);
        next = pair?.value;
        keyNode = (pair?.key as Node | undefined) ?? undefined;
        // A key with an empty value (`hold:`) has no value node, or an empty one: point at the key.
        const empty = isScalar(next) && next.value === null && next.range && next.range[0] === next.range[1];
        if (pair && (next === null || empty)) next = pair.key;
      }
      if (next === undefined) {
        // The path goes further than the file (a missing field): point at its parent's key.
        const at = lastKey ?? (node as Node | undefined);
        return at?.range ? lc.linePos(at.range[0]) : { line: 1, col: 1 };
      }
      if (options.key && i === path.length - 1 && keyNode?.range) return lc.linePos(keyNode.range[0]);
      node = next;
      lastKey = keyNode ?? (next as Node);
    }
    const n = node as Node | undefined;
    if (!n?.range) return { line: 1, col: 1 };
    if (options.offset !== undefined && isScalar(n)) return scalarOffset(n, options.offset, text, lc);
    return lc.linePos(n.range[0]);
  };
}
