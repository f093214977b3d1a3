// Numbers in games: a float for fast solvers, the exact rational when the source was rational,
// and the text it was written as so files round-trip exactly.
import Fraction from 'fraction.js';

export { Fraction };

export interface Num {
  /** The value as a double: what floating-point solvers use. */
  readonly value: number;
  /** The exact value, when the number was given exactly (Gambit's integers, decimals and rationals all are). */
  readonly exact?: Fraction;
  /** The text the number was read from, kept so that writing the game back reproduces it. */
  readonly text?: string;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const RATIONAL = /^([+-]?\d+)\/(\d+)$/;

/** Parses an exact number in Gambit's syntax: integer, decimal, exponent form or p/q. Returns undefined if it is not one. */
export function parseExact(text: string): Fraction | undefined {
  const r = RATIONAL.exec(text);
  if (r) {
    if (BigInt(r[2]!) === 0n) return undefined;
    return new Fraction(BigInt(r[1]!), BigInt(r[2]!));
  }
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const [, sign, intPart = '', fracPart = '', expPart] = m;
  if (intPart === '' && fracPart === '') return undefined;
  let numer = BigInt((intPart || '0') + fracPart);
  let denom = 10n ** BigInt(fracPart.length);
  const exp = expPart ? Number.parseInt(expPart, 10) : 0;
  if (exp > 0) numer *= 10n ** BigInt(exp);
  else if (exp < 0) denom *= 10n ** BigInt(-exp);
  if (sign === '-') numer = -numer;
  return new Fraction(numer, denom);
}

/** A Num from its text; undefined when the text is not a number. */
export function numFromText(text: string): Num | undefined {
  const exact = parseExact(text);
  if (!exact) return undefined;
  return { value: exact.valueOf(), exact, text };
}

export function numFromFraction(exact: Fraction): Num {
  return { value: exact.valueOf(), exact };
}

/** A floating-point Num; exact only when the double is an integer (so integer games stay exact). */
export function numFromFloat(value: number): Num {
  if (Number.isInteger(value) && Math.abs(value) < Number.MAX_SAFE_INTEGER) {
    return { value, exact: new Fraction(BigInt(value), 1n) };
  }
  return { value };
}

/** The text to write for a Num: its original text, else its exact form, else the shortest round-trip float. */
export function numToText(n: Num): string {
  if (n.text !== undefined) return n.text;
  if (n.exact) return n.exact.toFraction();
  return String(n.value);
}

/** True when every Num has an exact value, so exact solvers can run. */
export function allExact(nums: Iterable<Num>): boolean {
  for (const n of nums) if (!n.exact) return false;
  return true;
}

/** The exact rational value of a double (every finite double is a binary fraction). */
export function exactFromDouble(x: number): Fraction {
  if (!Number.isFinite(x)) throw new Error(`${x} is not finite`);
  let scale = 1n;
  while (!Number.isInteger(x)) {
    x *= 2;
    scale *= 2n;
  }
  return new Fraction(BigInt(x), scale);
}
