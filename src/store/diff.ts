// What differs between two runs: a unified-style line diff of the scenario texts and the paths at
// which two JSON trees (options, results) hold different values.

/** One line of an edit script: ' ' kept, '-' only in the old text, '+' only in the new. */
export interface DiffLine {
  readonly op: ' ' | '-' | '+';
  readonly text: string;
  /** 1-based line numbers in the old and new texts (the side the line is on). */
  readonly oldLine?: number;
  readonly newLine?: number;
}

/**
 * The shortest edit script between two lists of lines by longest common subsequence, after
 * trimming the common head and tail (two versions of a scenario usually differ in a few places).
 */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  // lcs[i * (m + 1) + j]: length of the LCS of a[head+i..] and b[head+j..] within the middle part.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * (m + 1) + j] =
        a[head + i] === b[head + j]
          ? lcs[(i + 1) * (m + 1) + j + 1]! + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
  const out: DiffLine[] = [];
  for (let k = 0; k < head; k++) out.push({ op: ' ', text: a[k]!, oldLine: k + 1, newLine: k + 1 });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i] === b[head + j]) {
      out.push({ op: ' ', text: a[head + i]!, oldLine: head + i + 1, newLine: head + j + 1 });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!)) {
      // Deletions before insertions, as diff -u prints them.
      out.push({ op: '-', text: a[head + i]!, oldLine: head + i + 1 });
      i++;
    } else {
      out.push({ op: '+', text: b[head + j]!, newLine: head + j + 1 });
      j++;
    }
  }
  for (let k = 0; k < tail; k++) {
    const oi = a.length - tail + k;
    const ni = b.length - tail + k;
    out.push({ op: ' ', text: a[oi]!, oldLine: oi + 1, newLine: ni + 1 });
  }
  return out;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * A unified diff (`--- old`, `+++ new`, `@@ -l,n +l,n @@` hunks with `context` lines around each
 * change); the empty string when the texts are equal.
 */
export function unifiedDiff(
  oldText: string,
  newText: string,
  labels: { old: string; new: string },
  context = 3,
): string {
  if (oldText === newText) return '';
  const script = diffLines(splitLines(oldText), splitLines(newText));
  const changed = script.map((l, k) => (l.op === ' ' ? -1 : k)).filter((k) => k >= 0);
  if (changed.length === 0) return '';
  // Group changes whose context windows touch into hunks.
  const hunks: [number, number][] = [];
  for (const k of changed) {
    const lo = Math.max(0, k - context);
    const hi = Math.min(script.length - 1, k + context);
    const last = hunks[hunks.length - 1];
    if (last !== undefined && lo <= last[1] + 1) last[1] = hi;
    else hunks.push([lo, hi]);
  }
  const out = [`--- ${labels.old}`, `+++ ${labels.new}`];
  for (const [lo, hi] of hunks) {
    const lines = script.slice(lo, hi + 1);
    const oldCount = lines.filter((l) => l.op !== '+').length;
    const newCount = lines.filter((l) => l.op !== '-').length;
    const firstOld = lines.find((l) => l.oldLine !== undefined)?.oldLine;
    const firstNew = lines.find((l) => l.newLine !== undefined)?.newLine;
    const oldStart = oldCount === 0 ? oldLineBefore(script, lo) : firstOld!;
    const newStart = newCount === 0 ? newLineBefore(script, lo) : firstNew!;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const l of lines) out.push(`${l.op}${l.text}`);
  }
  return `${out.join('\n')}\n`;
}

function oldLineBefore(script: readonly DiffLine[], k: number): number {
  for (let i = k - 1; i >= 0; i--) if (script[i]!.oldLine !== undefined) return script[i]!.oldLine!;
  return 0;
}

function newLineBefore(script: readonly DiffLine[], k: number): number {
  for (let i = k - 1; i >= 0; i--) if (script[i]!.newLine !== undefined) return script[i]!.newLine!;
  return 0;
}

/** One value that differs between two JSON trees; `undefined` where the path is absent on that side. */
export interface ValueChange {
  /** `q3.classes[2].mean`, `options.lambda`, or `(root)`. */
  readonly path: string;
  readonly old: unknown;
  readonly new: unknown;
}

export interface JsonDiff {
  /** The first `limit` changes, in document order. */
  readonly changes: ValueChange[];
  /** All changes, including those left out. */
  readonly total: number;
  /** All changes counted by the first key of their path (`q3`, `costs`, ...), in document order. */
  readonly bySection: Record<string, number>;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (!IDENT.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

/**
 * The leaf values that differ between two JSON trees (objects by key, arrays by index): numbers
 * by value (NaN equals NaN, -0 equals 0), anything else by its JSON.
 */
export function diffJson(a: unknown, b: unknown, limit = Number.POSITIVE_INFINITY, prefix = ''): JsonDiff {
  const changes: ValueChange[] = [];
  const bySection: Record<string, number> = {};
  let total = 0;
  const note = (path: string, x: unknown, y: unknown) => {
    total++;
    const rest = path.slice(prefix === '' ? 0 : prefix.length + 1);
    const section = /^(\[[^\]]*\]|[^.[]+)/.exec(rest)?.[0] ?? '(root)';
    bySection[section] = (bySection[section] ?? 0) + 1;
    if (changes.length < limit) changes.push({ path: path === '' ? '(root)' : path, old: x, new: y });
  };
  const walk = (x: unknown, y: unknown, path: string): void => {
    if (Array.isArray(x) && Array.isArray(y)) {
      const n = Math.max(x.length, y.length);
      for (let k = 0; k < n; k++) walk(x[k], y[k], childPath(path, k));
      return;
    }
    if (isPlainObject(x) && isPlainObject(y)) {
      const keys = [...Object.keys(x)];
      for (const k of Object.keys(y)) if (!(k in x)) keys.push(k);
      for (const k of keys) walk(x[k], y[k], childPath(path, k));
      return;
    }
    if (typeof x === 'number' && typeof y === 'number') {
      if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) note(path, x, y);
    } else if (typeof x !== typeof y || JSON.stringify(x) !== JSON.stringify(y)) note(path, x, y);
  };
  walk(a, b, prefix);
  return { changes, total, bySection };
}

/** A value for a one-line report: numbers in full, strings quoted, trees as short JSON. */
export function showValue(x: unknown, max = 60): string {
  if (x === undefined) return '(absent)';
  if (typeof x === 'number') return String(x);
  const s = JSON.stringify(x) ?? String(x);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** `path: old → new` lines, and a count of those left out. */
export function formatChanges(d: JsonDiff): string[] {
  const lines = d.changes.map((c) => `  ${c.path}: ${showValue(c.old)} → ${showValue(c.new)}`);
  if (d.total > d.changes.length) {
    lines.push(`  … and ${d.total - d.changes.length} more`);
    const sections = Object.entries(d.bySection).map(([k, n]) => `${k} ${n}`);
    if (sections.length > 1) lines.push(`  (differences by section: ${sections.join(', ')})`);
  }
  return lines;
}
