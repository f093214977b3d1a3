// Sweep shard files on disk: one summary (sweep.ts) as one line of JSON, gzip-compressed when the
// name ends in .gz. A summary's size does not grow with its draws beyond the sketches' buckets, so
// the file is written and read whole. It is named NAME.partial until complete, as full shards are.
import { closeSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { SWEEP_FORMAT, SweepError, SweepSummary } from '../sweep.js';

/** How every sweep shard file starts once decompressed (JSON.stringify writes `format` first). */
const SWEEP_PREFIX = `{"format":"${SWEEP_FORMAT}"`;
const PEEK_BYTES = 4096;

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function fileError(file: string, e: unknown): SweepError {
  const code = (e as NodeJS.ErrnoException).code;
  return new SweepError(
    `${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? (e as Error).message})`}`,
  );
}

/**
 * Whether a file is a sweep shard, from its first bytes (decompressed when gzipped), without
 * reading the rest: full shard files can be gigabytes. False for a file that cannot be read (the
 * full merge names the problem).
 */
export function isSweepShardFile(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const buf = Buffer.alloc(PEEK_BYTES);
    const n = readSync(fd, buf, 0, PEEK_BYTES, 0);
    let head = buf.subarray(0, n);
    if (isGzip(head)) {
      try {
        // A prefix of a gzip stream: decompress what is there without asking for its end.
        head = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
      } catch {
        return false;
      }
    }
    return head.subarray(0, SWEEP_PREFIX.length).toString('utf8') === SWEEP_PREFIX;
  } finally {
    closeSync(fd);
  }
}

/** Reads and checks a sweep shard file; errors name it. */
export function readSweepFile(file: string): SweepSummary {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw fileError(file, e);
  }
  let text: string;
  try {
    text = (isGzip(bytes) ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (e) {
    throw new SweepError(`${file}: damaged gzip data (${(e as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new SweepError(`${file}: not a sweep shard file (invalid JSON: ${(e as Error).message})`);
  }
  return SweepSummary.fromJSON(raw, file);
}

/** A summary's file text: one line. */
export function sweepFileText(summary: SweepSummary): string {
  return `${JSON.stringify(summary)}\n`;
}

/**
 * Opens `path` (as NAME.partial) at once, so a path that cannot be written fails before any draw
 * is computed; `write` then writes the summary and gives the file its name.
 */
export function openSweepFile(path: string): { write(summary: SweepSummary): void; abandon(): void } {
  const partial = `${path}.partial`;
  let fd: number;
  try {
    fd = openSync(partial, 'w');
  } catch (e) {
    throw new SweepError(`--out ${path}: cannot write (${(e as NodeJS.ErrnoException).code})`);
  }
  return {
    write(summary) {
      const text = sweepFileText(summary);
      try {
        writeFileSync(fd, path.endsWith('.gz') ? gzipSync(text) : text);
        closeSync(fd);
        renameSync(partial, path);
      } catch (e) {
        rmSync(partial, { force: true });
        throw new SweepError(`--out ${path}: cannot write (${(e as NodeJS.ErrnoException).code})`);
      }
    },
    abandon() {
      try {
        closeSync(fd);
      } catch {}
      rmSync(partial, { force: true });
    },
  };
}
