// Reading the user's files with errors that name the file.
import { readFileSync } from 'node:fs';
import { UsageError } from './errors.js';

export function readUserFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${path}: no such file`);
    if (code === 'EISDIR') throw new UsageError(`${path}: is a directory, expected a file`);
    throw new UsageError(`${path}: cannot be read (${code ?? (e as Error).message})`);
  }
}
