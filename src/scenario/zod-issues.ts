// Turns zod's validation issues into plain "what was expected" messages at data paths.
// For a union, the branch the author evidently meant (the one whose shape matches, judged by the
// absence of wrong-type or unknown-key problems at its top) is reported in detail; when no branch
// fits, the union's own message lists the accepted forms.
import type { z } from 'zod';
import { didYouMean } from './suggest.js';

type Issue = z.core.$ZodIssue;

export interface ShapeProblem {
  readonly path: (string | number)[];
  readonly message: string;
  /** The problem is with a key (a name), not with a value. */
  readonly key?: boolean;
}

const DEFAULT_MESSAGE =
  /^(Invalid input|Invalid option|Too small|Too big|Invalid string|Invalid key|Unrecognized key|Invalid discriminator)/;

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v)}`;
  return `${typeof v} ${String(v)}`;
}

function describeType(t: string): string {
  switch (t) {
    case 'object':
      return 'a map (key: value)';
    case 'array':
      return 'a list';
    case 'string':
      return 'text';
    case 'int':
      return 'an integer';
    default:
      return `a ${t}`;
  }
}

/** Is this branch's failure only inside the value (its shape matches)? */
function plausible(branch: Issue[]): boolean {
  return branch.every((i) => {
    if (i.path.length > 0) return true;
    if (i.code === 'invalid_type' || i.code === 'unrecognized_keys' || i.code === 'invalid_value')
      return false;
    if (i.code === 'invalid_union') return pickBranch(i) !== undefined;
    return true;
  });
}

function pickBranch(issue: Extract<Issue, { code: 'invalid_union' }>): Issue[] | undefined {
  const candidates = (issue.errors ?? []).filter(plausible);
  if (candidates.length === 0) return undefined;
  return candidates.reduce((best, b) => (b.length < best.length ? b : best));
}

function sizeMessage(i: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const small = i.code === 'too_small';
  const bound = small
    ? (i as { minimum: number | bigint }).minimum
    : (i as { maximum: number | bigint }).maximum;
  const inclusive = i.inclusive !== false;
  if (i.origin === 'array')
    return `expected ${small ? 'at least' : 'at most'} ${bound} item${Number(bound) === 1 ? '' : 's'}`;
  if (i.origin === 'string')
    return small ? 'expected non-empty text' : `expected at most ${bound} characters`;
  const op = small ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
  return `expected a number ${op} ${bound}`;
}

export function shapeProblems(
  issues: readonly Issue[],
  knownKeys: ReadonlySet<string>,
  base: (string | number)[] = [],
): ShapeProblem[] {
  const out: ShapeProblem[] = [];
  for (const i of issues) {
    const path = [...base, ...(i.path as (string | number)[])];
    const input = (i as { input?: unknown }).input;
    const custom = !DEFAULT_MESSAGE.test(i.message);
    switch (i.code) {
      case 'invalid_union': {
        if ((i as { note?: string }).note === 'No matching discriminator') {
          const options = ((i as unknown as { options: unknown[] }).options ?? []).filter(
            (o) => o !== null && o !== undefined,
          );
          const got =
            input && typeof input === 'object'
              ? (input as Record<string, unknown>)[String(i.path[i.path.length - 1])]
              : input;
          out.push({ path, message: `expected one of ${options.join(', ')}, got ${describeValue(got)}` });
          break;
        }
        const branch = pickBranch(i);
        if (branch) out.push(...shapeProblems(branch, knownKeys, path));
        else
          out.push({
            path,
            message: custom ? i.message : `expected another form, got ${describeValue(input)}`,
          });
        break;
      }
      case 'invalid_type': {
        if (custom) out.push({ path, message: i.message });
        else if (input === undefined)
          out.push({ path, message: `missing: expected ${describeType(i.expected)}` });
        else out.push({ path, message: `expected ${describeType(i.expected)}, got ${describeValue(input)}` });
        break;
      }
      case 'unrecognized_keys':
        for (const k of i.keys)
          out.push({
            path: [...path, k],
            message: `unknown field '${k}'${didYouMean(k, knownKeys)}`,
            key: true,
          });
        break;
      case 'invalid_value':
        out.push({
          path,
          message: `expected one of ${i.values.map((v) => String(v)).join(', ')}, got ${describeValue(input)}`,
        });
        break;
      case 'invalid_key': {
        const inner = i.issues[0];
        out.push({
          path,
          message: `'${String(input)}' is not a valid name: ${inner && !DEFAULT_MESSAGE.test(inner.message) ? inner.message : 'expected text'}`,
          key: true,
        });
        break;
      }
      case 'too_small':
      case 'too_big':
        out.push({ path, message: custom ? i.message : sizeMessage(i) });
        break;
      default:
        out.push({ path, message: i.message });
    }
  }
  return out;
}
