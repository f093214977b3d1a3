// Invalid input to the oil market model (a share above 1, negative days, NaN, ...): the interfaces
// turn it into a clear message (the CLI: exit 2); formula functions turn it into NaN.
export class EconInputError extends Error {
  override name = 'EconInputError';
}
