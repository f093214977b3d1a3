export class BargainInputError extends Error {
  override name = 'BargainInputError';
}
