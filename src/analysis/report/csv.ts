// Comma-separated values for pandas and R: RFC 4180 quoting (a field with a comma, a double quote,
// CR or LF is enclosed in double quotes, inner quotes doubled), LF line ends, and numbers in their
// shortest round-trip form (String(x)), so the same figures always give the same bytes. A figure
// that is not defined (NaN) is an empty field, which both read as missing.

export type CsvCell = string | number;

/** One field, quoted only when it has to be. */
export function csvField(cell: CsvCell): string {
  if (typeof cell === 'number') {
    if (Number.isNaN(cell)) return '';
    if (cell === Number.POSITIVE_INFINITY) return 'Inf';
    if (cell === Number.NEGATIVE_INFINITY) return '-Inf';
    return String(cell);
  }
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A header line and one line per row, each ending in LF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((r) => `${r.map(csvField).join(',')}\n`).join('');
}
