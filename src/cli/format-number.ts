// Numbers as Gambit prints them: exact rationals as p/q, floats with 10 significant digits.
import type { Fraction } from '../game/num.js';

export function formatFloat(x: number): string {
  if (x === 0 || Object.is(x, -0)) return '0';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  // C's %.10g: exponent form when the exponent is below -4 or at least the precision.
  const exp = Number.parseInt(x.toExponential(9).split('e')[1]!, 10);
  if (exp < -4 || exp >= 10) {
    const [mant, e] = x.toExponential(9).split('e') as [string, string];
    const sign = e.startsWith('-') ? '-' : '+';
    const digits = e.replace(/^[+-]/, '').padStart(2, '0');
    return `${trimZeros(mant)}e${sign}${digits}`;
  }
  return trimZeros(x.toPrecision(10));
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

export function formatExact(f: Fraction): string {
  return f.toFraction();
}
