// How numbers read in a report, the same in every format: probabilities as percentages with one
// decimal, utilities with two decimals, other numbers with three significant digits. Only plain
// string operations (no toLocaleString), so output does not depend on the machine's locale.

export type FigureFormat = 'probability' | 'number' | 'utility';

/** Bar-chart units that say the values are probabilities (shown as percentages) or utilities. */
export const PROBABILITY_UNIT = 'probability';
export const UTILITY_UNIT = 'utility';

/** "-0.0" and the like read as zero. */
function noNegativeZero(s: string): string {
  return /^-[0.]*%?$/.test(s) ? s.slice(1) : s;
}

/** Digits of an integer string grouped by thousands: 1234567 → 1,234,567. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function special(x: number): string | undefined {
  if (Number.isNaN(x)) return 'n/a';
  if (x === Number.POSITIVE_INFINITY) return '∞';
  if (x === Number.NEGATIVE_INFINITY) return '-∞';
  return undefined;
}

/** 0.4213 → "42.1%". */
export function formatProbability(p: number): string {
  return special(p) ?? noNegativeZero(`${(p * 100).toFixed(1)}%`);
}

/** Two decimals: utilities are differences of payoffs, compared at a fixed precision. */
export function formatUtility(u: number): string {
  return special(u) ?? noNegativeZero(u.toFixed(2));
}

/** Three significant digits, trailing zeros dropped; from 1000 up, whole numbers with commas. */
export function formatNumber(x: number): string {
  const s = special(x);
  if (s !== undefined) return s;
  if (x === 0) return '0';
  const abs = Math.abs(x);
  // 999.6 would print as 1.00e+3 with three digits: it belongs with the whole numbers.
  if (abs >= 999.5) {
    const sign = x < 0 ? '-' : '';
    return `${sign}${groupThousands(Math.round(abs).toFixed(0))}`;
  }
  if (abs < 1e-4) {
    const [mantissa, exponent] = x.toExponential(2).split('e') as [string, string];
    return `${trimZeros(mantissa)}e${exponent.replace('+', '')}`;
  }
  return noNegativeZero(trimZeros(x.toPrecision(3)));
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

export function formatValue(x: number, format: FigureFormat): string {
  switch (format) {
    case 'probability':
      return formatProbability(x);
    case 'utility':
      return formatUtility(x);
    case 'number':
      return formatNumber(x);
  }
}

/** "[31.0%, 55.0%]". */
export function formatInterval(interval: readonly [number, number], format: FigureFormat): string {
  return `[${formatValue(interval[0], format)}, ${formatValue(interval[1], format)}]`;
}

/** The format of a bar chart's values, from its unit. */
export function barFormat(unit: string): FigureFormat {
  if (unit === PROBABILITY_UNIT) return 'probability';
  if (unit === UTILITY_UNIT) return 'utility';
  return 'number';
}

/** A table cell: text as given, numbers with three significant digits. */
export function formatCell(cell: string | number): string {
  return typeof cell === 'number' ? formatNumber(cell) : cell;
}
