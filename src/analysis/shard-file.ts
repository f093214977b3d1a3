// Shard files on disk, streamed: `brink analyze --shard` writes the lines of shard.ts as blocks of
// draws are done (gzip-compressed when the name ends in .gz), and `brink merge` reads them back one
// line at a time, so a shard of any size goes through in the memory of a block of records. A file
// being written is named NAME.partial and renamed when complete, so a job runner never sees half a
// shard under its final name.
import { closeSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { DrawRecord } from './run-draws.js';
import {
  ShardError,
  type ShardHead,
  ShardReader,
  parseShardHead,
  shardEndLine,
  shardHeadLine,
  shardRecordLine,
} from './shard.js';

const LINES_PER_WRITE = 16;

/** The lines of a shard whose records come in blocks (e.g. as workers finish them). */
async function* shardLines(head: ShardHead, blocks: AsyncIterable<readonly DrawRecord[]>) {
  yield shardHeadLine(head);
  let count = 0;
  for await (const block of blocks) {
    // Strings of a few records: fewer writes, and none near V8's string limit (records are ~0.6 MB).
    for (let i = 0; i < block.length; i += LINES_PER_WRITE)
      yield block
        .slice(i, i + LINES_PER_WRITE)
        .map(shardRecordLine)
        .join('');
    count += block.length;
  }
  yield shardEndLine(count);
}

/** A file system error as a message naming the file; any other error (e.g. from the draws) unchanged. */
function writeError(path: string, e: unknown): unknown {
  const { code, syscall } = e as NodeJS.ErrnoException;
  return syscall === undefined ? e : new ShardError(`--out ${path}: cannot write (${code})`);
}

/**
 * Opens `path` for a shard (NAME.partial until complete) at once, so a path that cannot be
 * written fails before any draw is computed; `write` then streams the shard into it.
 */
export function openShardFile(path: string): {
  write(head: ShardHead, blocks: AsyncIterable<readonly DrawRecord[]>): Promise<void>;
} {
  const partial = `${path}.partial`;
  let fd: number;
  try {
    fd = openSync(partial, 'w');
  } catch (e) {
    throw writeError(path, e);
  }
  return {
    async write(head, blocks) {
      const file = createWriteStream('', { fd });
      const source = Readable.from(shardLines(head, blocks));
      try {
        if (path.endsWith('.gz')) await pipeline(source, createGzip(), file);
        else await pipeline(source, file);
        renameSync(partial, path);
      } catch (e) {
        rmSync(partial, { force: true });
        throw writeError(path, e);
      }
    },
  };
}

/** Streams a shard to a stream that stays open (standard output), waiting when it is full. */
export async function writeShardTo(
  out: Writable,
  head: ShardHead,
  blocks: AsyncIterable<readonly DrawRecord[]>,
): Promise<void> {
  for await (const text of shardLines(head, blocks)) {
    if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
  }
}

function isGzip(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ShardError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code})`}`);
  }
  try {
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** The lines of a (possibly gzipped) text file, without their LF; stops early when the consumer does. */
async function* fileLines(file: string): AsyncGenerator<string> {
  const gz = isGzip(file);
  const raw = createReadStream(file);
  const input = gz ? raw.pipe(createGunzip()) : raw;
  if (gz) raw.on('error', (e) => input.destroy(e));
  input.setEncoding('utf8');
  let rest = '';
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      yield* parts;
    }
  } catch (e) {
    if (e instanceof ShardError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (gz && code?.startsWith('Z_'))
      throw new ShardError(`${file}: damaged gzip data (${(e as Error).message})`);
    throw new ShardError(`${file}: cannot be read (${code ?? (e as Error).message})`);
  } finally {
    raw.destroy();
    input.destroy();
  }
  if (rest !== '') yield rest;
}

/** A shard file's head line alone (checked), without reading the records. */
export async function readShardHead(file: string): Promise<ShardHead> {
  for await (const line of fileLines(file)) return parseShardHead(line, file);
  throw new ShardError(`${file}: empty (not a shard file)`);
}

/**
 * Reads a whole shard file, handing each record to `onRecord` in draw order; `strings` shares
 * repeated strings across the files of one merge. Returns the head once the end line was seen.
 */
export async function readShardFile(
  file: string,
  onRecord: (record: DrawRecord) => void,
  strings?: Map<string, string>,
): Promise<ShardHead> {
  const reader = new ShardReader(file, onRecord, strings);
  for await (const line of fileLines(file)) reader.push(line);
  return reader.finish();
}
