// Laying out plain text for a terminal: word wrapping and aligned tables. Widths count code points,
// which is right for the Latin text, digits and block characters reports use.

/** Width of a string in terminal columns (one per code point). */
export function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function padEnd(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

export function padStart(s: string, w: number): string {
  return ' '.repeat(Math.max(0, w - width(s))) + s;
}

/** Splits a word longer than the line into pieces that fit. */
function splitLong(word: string, w: number): string[] {
  const chars = [...word];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += w) out.push(chars.slice(i, i + w).join(''));
  return out;
}

/** Greedy word wrap to `w` columns; explicit line breaks are kept. Never returns an empty list. */
export function wrap(text: string, w: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((x) => x !== '')) {
      for (const piece of width(word) > w ? splitLong(word, w) : [word]) {
        if (line === '') line = piece;
        else if (width(line) + 1 + width(piece) <= w) line += ` ${piece}`;
        else {
          lines.push(line);
          line = piece;
        }
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Wraps and prefixes every line; the first line may get a different prefix (e.g. a bullet). */
export function indentWrap(
  text: string,
  total: number,
  first: string,
  rest = ' '.repeat(width(first)),
): string[] {
  const w = Math.max(10, total - width(first));
  return wrap(text, w)
    .map((l, i) => (i === 0 ? first : rest) + l)
    .map((l) => l.trimEnd());
}

export type Align = 'left' | 'right';

/** Column widths that fit `total` columns: the widest column gives way first, down to `min`. */
export function fitWidths(natural: number[], gap: number, total: number, min = 8): number[] {
  const w = [...natural];
  const used = () => w.reduce((s, x) => s + x, 0) + gap * (w.length - 1);
  while (used() > total) {
    let widest = -1;
    for (let i = 0; i < w.length; i++) if (w[i]! > min && (widest < 0 || w[i]! > w[widest]!)) widest = i;
    if (widest < 0) break;
    w[widest]!--;
  }
  return w;
}

/**
 * An aligned table: a header, a rule of dashes, then the rows; cells too wide for their column
 * wrap onto further lines. `total` is the width available.
 */
export function alignTable(header: string[], rows: string[][], align: Align[], total: number): string[] {
  const gap = 2;
  const natural = header.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ''))));
  const w = fitWidths(natural, gap, total);
  const line = (cells: string[]): string[] => {
    const wrapped = cells.map((cell, c) => wrap(cell, w[c]!));
    const height = Math.max(...wrapped.map((x) => x.length));
    const out: string[] = [];
    for (let k = 0; k < height; k++) {
      const parts = wrapped.map((x, c) => {
        const piece = x[k] ?? '';
        return align[c] === 'right' ? padStart(piece, w[c]!) : padEnd(piece, w[c]!);
      });
      out.push(parts.join(' '.repeat(gap)).trimEnd());
    }
    return out;
  };
  return [
    ...line(header),
    w.map((x) => '-'.repeat(x)).join(' '.repeat(gap)),
    ...rows.flatMap((r) => line(header.map((_, c) => r[c] ?? ''))),
  ];
}
