// Errors in formulas carry the 1-based column where the problem starts, so the loader can point
// at the exact character in the scenario file.

export class ExprError extends Error {
  /** 1-based column within the formula text. */
  readonly col: number;
  constructor(message: string, col: number) {
    super(message);
    this.name = 'ExprError';
    this.col = col;
  }
}
